#!/usr/bin/env node
// The flip counts of golden-sets/sentiment computed without Flipgate: the same npm packages and
// the same ONNX model (through onnxruntime-node, not Flipgate's Java runtime), each called
// directly with its documented rule, the ONNX model's own `label` output rather than the
// probability Flipgate reads. A test compares these counts with the gate's.
//
//   npm ci --ignore-scripts --prefix golden-sets/sentiment/reference
//   node golden-sets/sentiment/reference/flips.js [golden-sets/sentiment] [--predictions FILE]
//
// prints the counts as JSON; with --predictions it also writes the ONNX model's answers as a
// Flipgate predictions file (JSON lines: id, prediction, scores), for gating it as a file.
'use strict';
const fs = require('fs');
const path = require('path');
const Sentiment = require('sentiment');
const wink = require('wink-sentiment');
const vader = require('vader-sentiment');
const ort = require('onnxruntime-node');

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--predictions');
  const predictionsFile = at >= 0 ? args.splice(at, 2)[1] : null;
  const dir = args[0] || path.join(__dirname, '..');
  // JSON lines split on \n alone: two sentences hold U+0085.
  const examples = fs.readFileSync(path.join(dir, 'examples.jsonl'), 'utf8').split('\n')
    .filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  const afinn = new Sentiment();
  const answers = {
    deployed: examples.map((e) => afinn.analyze(e.text).score >= 0),
    wink: examples.map((e) => wink(e.text).score >= 0),
    vader: examples.map((e) => vader.SentimentIntensityAnalyzer.polarity_scores(e.text).compound > -0.05),
  };
  const session = await ort.InferenceSession.create(path.join(dir, 'models', 'tfidf_lr_rt_polarity.onnx'));
  const texts = examples.map((e) => e.text);
  const out = await session.run({ text: new ort.Tensor('string', texts, [texts.length]) }, ['label', 'probability']);
  answers.tfidf = Array.from(out.label.data, (label) => Number(label) === 1);
  if (predictionsFile) {
    const lines = examples.map((e, i) => {
      const p = out.probability.data[i];
      return JSON.stringify({ id: e.id, prediction: answers.tfidf[i] ? 'positive' : 'negative', scores: { negative: 1 - p, positive: p } });
    });
    fs.writeFileSync(predictionsFile, lines.join('\n') + '\n');
  }

  const truth = examples.map((e) => e.label === 'positive');
  const correct = (said) => said.filter((positive, i) => positive === truth[i]).length;
  const result = { examples: examples.length, deployedCorrect: correct(answers.deployed), candidates: {} };
  for (const name of ['wink', 'vader', 'tfidf']) {
    let negative = 0;
    let positive = 0;
    let changed = 0;
    answers[name].forEach((said, i) => {
      const before = answers.deployed[i] === truth[i];
      const after = said === truth[i];
      negative += before && !after ? 1 : 0;
      positive += !before && after ? 1 : 0;
      changed += said !== answers.deployed[i] ? 1 : 0;
    });
    result.candidates[name] = { candidateCorrect: correct(answers[name]), negativeFlips: negative, positiveFlips: positive, changedAnswers: changed };
  }
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e.stack}\ninstall first: npm ci --ignore-scripts --prefix golden-sets/sentiment/reference\n`);
  process.exit(1);
});
