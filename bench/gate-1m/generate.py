"""Writes a synthetic golden set of N examples with deployed and candidate predictions files,
13 slices (all + 12 declared) and a suite asking for 1,000 bootstrap resamples.

    python3 generate.py OUT_DIR [N] [--scores]
"""
import gzip
import os
import sys

import numpy as np

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 1_000_000
with_scores = "--scores" in sys.argv
k = 10
rng = np.random.default_rng(7)
os.makedirs(out, exist_ok=True)
classes = [f"c{i}" for i in range(k)]
y = rng.integers(0, k, n)
region = rng.choice(["north", "south", "east", "west"], n)
age = rng.integers(18, 90, n)
tags = np.where(rng.random(n) < 0.1, "hard", np.where(rng.random(n) < 0.05, "new", ""))
ids = np.char.add("e", np.arange(n).astype(str))


def answers(accuracy):
    right = rng.random(n) < accuracy
    return np.where(right, y, rng.integers(0, k, n))


def write_predictions(path, answer):
    with gzip.open(path, "wt", compresslevel=1) as f:
        header = "id,prediction" + ("," + ",".join("score_" + c for c in classes) if with_scores else "")
        f.write(header + "\n")
        if with_scores:
            scores = rng.dirichlet(np.full(k, 0.3), size=n)
            scores[np.arange(n), answer] += 1.0
            scores /= scores.sum(axis=1, keepdims=True)
            for i in range(n):
                f.write(f"{ids[i]},c{answer[i]}," + ",".join(f"{v:.5f}" for v in scores[i]) + "\n")
        else:
            f.writelines(f"{ids[i]},c{answer[i]}\n" for i in range(n))


with gzip.open(os.path.join(out, "examples.csv.gz"), "wt", compresslevel=1) as f:
    f.write("id,label,region,age,tags\n")
    f.writelines(f"{ids[i]},c{y[i]},{region[i]},{age[i]},{tags[i]}\n" for i in range(n))
write_predictions(os.path.join(out, "deployed.csv.gz"), answers(0.93))
write_predictions(os.path.join(out, "candidate.csv.gz"), answers(0.94))
with open(os.path.join(out, "manifest.yaml"), "w") as f:
    f.write(f"""name: bench
version: '1'
classes: [{", ".join(classes)}]
examples: {{ file: examples.csv.gz, metadata: [region, age], tagsColumn: tags }}
slices:
  - {{ name: north, where: {{ column: region, equals: north }} }}
  - {{ name: south, where: {{ column: region, equals: south }} }}
  - {{ name: east, where: {{ column: region, equals: east }} }}
  - {{ name: west, where: {{ column: region, equals: west }} }}
  - {{ name: north-or-east, where: {{ column: region, in: [north, east] }} }}
  - {{ name: south-or-west, where: {{ column: region, in: [south, west] }} }}
  - {{ name: age-18-30, where: {{ column: age, range: {{ min: 18, max: 30 }} }} }}
  - {{ name: age-30-50, where: {{ column: age, range: {{ min: 30, max: 50 }} }} }}
  - {{ name: age-50-70, where: {{ column: age, range: {{ min: 50, max: 70 }} }} }}
  - {{ name: age-70-plus, where: {{ column: age, range: {{ min: 70 }} }} }}
  - {{ name: hard, tag: hard }}
  - {{ name: new, tag: new }}
""")
with open(os.path.join(out, "suite.yaml"), "w") as f:
    f.write("""name: bench
goldenSet: .
seed: 1
evidence: { level: 0.95, resamples: 1000 }
deployed: { type: predictions, name: deployed, file: deployed.csv.gz }
candidates:
  candidate: { type: predictions, name: candidate, file: candidate.csv.gz }
policy:
  rules:
    - { rule: max-negative-flip-rate, slices: ["*"], max: 0.05 }
    - { rule: max-metric-drop, metric: macroF1, slices: ["*"], max: 0.01, judge: lower-bound }
    - { rule: significant-accuracy-drop, slices: ["*"], alpha: 0.05, correction: benjamini-hochberg }
""")
print(f"wrote {n} examples{' with scores' if with_scores else ''} to {out}")
