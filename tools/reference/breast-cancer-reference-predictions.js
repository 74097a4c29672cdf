// Independent reference for the breast-cancer gate: standardizes the held-out rows of the raw
// scikit-learn CSV with the training standardizer, runs both Tribuo ONNX models with ONNX
// Runtime's Node.js binding, and writes each row's label and both answers (not through
// Flipgate's golden set or Java adapter). Run once; its output is a committed test fixture.
// Usage: npm ci --ignore-scripts && node breast-cancer-reference-predictions.js TABULAR_DIR OUT_CSV
'use strict';
const fs = require('fs');
const ort = require('onnxruntime-node');

const [dir, outCsv] = process.argv.slice(2);
const rows = fs.readFileSync(`${dir}/breast_cancer.csv`, 'utf8').trim().split('\n').slice(1).map(l => l.split(',').map(Number));
const split = fs.readFileSync(`${dir}/breast_cancer-split.csv`, 'utf8').trim().split('\n').slice(1).map(l => l.split(','));
const scaler = fs.readFileSync(`${dir}/breast_cancer-standardizer.csv`, 'utf8').trim().split('\n').slice(1).map(l => l.split(','));
const mean = scaler.map(s => Number(s[1]));
const std = scaler.map(s => Number(s[2]));
const test = split.filter(s => s[1] === 'test').map(s => Number(s[0]));
// CSV class 0 = malignant, 1 = benign; model output index 0 = benign, 1 = malignant.
const csvClass = ['malignant', 'benign'];
const modelClass = ['benign', 'malignant'];

(async () => {
  const answers = {};
  for (const [name, file] of [['logreg', 'breast_cancer-logreg.onnx'], ['fm', 'breast_cancer-fm.onnx']]) {
    const session = await ort.InferenceSession.create(`${dir}/${file}`);
    const input = new Float32Array(test.length * 30);
    test.forEach((row, i) => { for (let f = 0; f < 30; f++) input[i * 30 + f] = (rows[row][f] - mean[f]) / std[f]; });
    const out = await session.run({ input: new ort.Tensor('float32', input, [test.length, 30]) });
    const p = out.output.data;
    answers[name] = test.map((_, i) => modelClass[p[2 * i + 1] > p[2 * i] ? 1 : 0]);
  }
  const lines = ['row,label,logreg,fm'];
  test.forEach((row, i) => lines.push([row, csvClass[rows[row][30]], answers.logreg[i], answers.fm[i]].join(',')));
  fs.writeFileSync(outCsv, lines.join('\n') + '\n');
  console.log(`wrote ${test.length} rows to ${outCsv}`);
})().catch(e => { console.error(e); process.exit(1); });
