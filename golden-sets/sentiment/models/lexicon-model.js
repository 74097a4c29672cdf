#!/usr/bin/env node
// A lexicon sentiment model from the npm registry, served over Flipgate's subprocess protocol:
// one JSON line in per batch, {"id": "b1", "examples": [{"id": "…", "input": "the text"}, …]},
// one JSON line out, {"id": "b1", "predictions": [{"id": "…", "label": "positive", "scores": {…}}, …]}.
//
//   node lexicon-model.js sentiment | wink-sentiment | vader-sentiment  [package-lock.json]
//
// Given the lockfile, it first checks that the installed package is the version the lockfile
// pins, and stops if not: the suite names the lockfile so that its content is part of the
// model's identity, and this check makes that identity true of what actually runs.
//
// The label is each package's documented rule (sentiment, wink-sentiment: positive when the
// score is >= 0; vader-sentiment: positive when compound > -0.05). The scores are a monotone
// squash of the package's own score, for the ranking metrics (AUC, log loss); they put 0.5
// exactly at the rule's threshold, so the label is always the higher score or the tie's winner.
'use strict';
const readline = require('readline');

const models = {
  'sentiment': () => {
    const Sentiment = require('sentiment');
    const analyzer = new Sentiment();
    return (text) => {
      const score = analyzer.analyze(text).score;
      return { positive: score >= 0, p: logistic(score + 0.5) };
    };
  },
  'wink-sentiment': () => {
    const wink = require('wink-sentiment');
    return (text) => {
      const score = wink(text).score;
      return { positive: score >= 0, p: logistic(score + 0.5) };
    };
  },
  'vader-sentiment': () => {
    const vader = require('vader-sentiment');
    return (text) => {
      const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
      return { positive: compound > -0.05, p: logistic(10 * (compound + 0.05)) };
    };
  },
};

function logistic(x) {
  return 1 / (1 + Math.exp(-x));
}

const name = process.argv[2];
if (!models[name]) {
  process.stderr.write(`usage: node lexicon-model.js ${Object.keys(models).join(' | ')} (got ${name})\n`);
  process.exit(2);
}
const lockfile = process.argv[3];
if (lockfile) {
  const fs = require('fs');
  const path = require('path');
  const pinned = JSON.parse(fs.readFileSync(lockfile, 'utf8')).packages[`node_modules/${name}`];
  let installed;
  try {
    installed = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch (e) {
    installed = 'nothing';
  }
  if (!pinned || pinned.version !== installed) {
    process.stderr.write(`${lockfile} pins ${name}@${pinned ? pinned.version : '(none)'} but ${installed} is installed: `
      + 'run npm ci --prefix golden-sets/sentiment/models\n');
    process.exit(3);
  }
}
let judge;
try {
  judge = models[name]();
} catch (e) {
  process.stderr.write(`cannot load the npm package '${name}': ${e.message}\n`
    + 'install the packages first: npm ci --prefix golden-sets/sentiment/models\n');
  process.exit(3);
}

// Lines are split on \n only; Flipgate escapes every non-ASCII character, so a text's own
// U+2028 or U+0085 never reaches here raw.
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
lines.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: null, error: `not JSON: ${e.message}` }) + '\n');
    return;
  }
  try {
    const predictions = request.examples.map((example) => {
      if (typeof example.input !== 'string') {
        throw new Error(`example ${example.id}: expected a text input, got ${typeof example.input}`);
      }
      const answer = judge(example.input);
      const p = Math.min(1, Math.max(0, answer.p));
      return {
        id: example.id,
        label: answer.positive ? 'positive' : 'negative',
        scores: { negative: 1 - p, positive: p },
      };
    });
    process.stdout.write(JSON.stringify({ id: request.id, predictions }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: request.id, error: e.message }) + '\n');
  }
});
