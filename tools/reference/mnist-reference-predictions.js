// Independent reference for the MNIST gate: runs the three bundled MNIST models with
// ONNX Runtime's Node.js binding straight on the raw IDX test files (not on Flipgate's
// golden set, and not through Flipgate's Java adapter), and writes one row per test image
// with the true label and each model's argmax answer. Run once; its output is a committed
// test fixture. Usage: npm ci --ignore-scripts && node mnist-reference-predictions.js RAW_DIR OUT_CSV (RAW_DIR holds the t10k IDX files and the three models, e.g. the workplace's shared/data/mnist)
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const ort = require('onnxruntime-node');

const [dataDir, outCsv] = process.argv.slice(2);
if (!dataDir || !outCsv) {
  console.error('usage: node mnist-reference-predictions.js RAW_DIR OUT_CSV (RAW_DIR holds the t10k IDX files and the three models, e.g. the workplace's shared/data/mnist)');
  process.exit(2);
}

function readIdx(file, expectedMagic) {
  const bytes = zlib.gunzipSync(fs.readFileSync(file));
  const magic = bytes.readInt32BE(0);
  if (magic !== expectedMagic) throw new Error(`${file}: magic ${magic}, expected ${expectedMagic}`);
  const dims = (magic & 0xff);
  const sizes = [];
  for (let i = 0; i < dims; i++) sizes.push(bytes.readInt32BE(4 + 4 * i));
  return { sizes, data: bytes.subarray(4 + 4 * dims) };
}

async function argmaxPerImage(modelFile, images, count) {
  const session = await ort.InferenceSession.create(modelFile);
  const inputName = session.inputNames[0];
  const outputName = session.outputNames[0];
  const answers = [];
  for (let i = 0; i < count; i++) {
    const pixels = new Float32Array(784);
    for (let p = 0; p < 784; p++) pixels[p] = images[i * 784 + p]; // raw 0..255, as both models expect
    const out = await session.run({ [inputName]: new ort.Tensor('float32', pixels, [1, 1, 28, 28]) });
    const scores = out[outputName].data;
    let best = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
    answers.push(best);
  }
  return answers;
}

(async () => {
  const images = readIdx(`${dataDir}/t10k-images-idx3-ubyte.gz`, 0x803);
  const labels = readIdx(`${dataDir}/t10k-labels-idx1-ubyte.gz`, 0x801);
  const count = labels.sizes[0];
  const models = {
    'mnist-8': 'mnist-8.onnx',
    'cnn': 'tribuo-pytorch_cnn_mnist.onnx',
    'int8': 'mnist-8-int8-qdq.derived.onnx',
  };
  const answers = {};
  for (const [name, file] of Object.entries(models)) {
    answers[name] = await argmaxPerImage(`${dataDir}/${file}`, images.data, count);
  }
  const lines = ['index,label,' + Object.keys(models).join(',')];
  for (let i = 0; i < count; i++) {
    lines.push([i, labels.data[i], ...Object.keys(models).map(m => answers[m][i])].join(','));
  }
  fs.writeFileSync(outCsv, lines.join('\n') + '\n');
  console.log(`wrote ${count} rows to ${outCsv} with onnxruntime-node ${require('onnxruntime-node/package.json').version}`);
})().catch(e => { console.error(e); process.exit(1); });
