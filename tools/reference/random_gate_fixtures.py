"""An independent check of the whole gate on random predictions files.

Makes random golden sets with deployed and candidate predictions files (2 to 20 classes,
class scores, thousands of rows, random slices) and, for each, what scikit-learn, SciPy and
statsmodels say every reported number must be. The Java test RandomPredictionsCheckTest runs
`flipgate gate` on each through the predictions-file adapter and compares to 1e-6.

Run once (Debian's python3-sklearn, python3-statsmodels) to regenerate the committed cases:
    /usr/bin/python3 tools/reference/random_gate_fixtures.py harness/fixtures/random-check
"""
import gzip
import json
import os
import sys
import warnings

import numpy as np
import scipy
import sklearn
import statsmodels
from scipy.stats import binomtest
from statsmodels.stats.proportion import proportion_confint

sys.path.insert(0, os.path.dirname(__file__))
from classification_metrics_fixtures import expected as metrics_of  # noqa: E402

warnings.filterwarnings("ignore")
rng = np.random.default_rng(42)
LEVEL = 0.95


class gz:
    """Writes text to a gzip file without a timestamp or name in its header: reruns give the same bytes."""

    def __init__(self, path):
        self.path, self.parts = path, []

    def __enter__(self):
        return self

    def write(self, text):
        self.parts.append(text)

    def writelines(self, lines):
        self.parts.extend(lines)

    def __exit__(self, *exc):
        with open(self.path, "wb") as f:
            f.write(gzip.compress("".join(self.parts).encode(), mtime=0))


def scores_for(y, k, skill):
    s = rng.dirichlet(np.full(k, 0.5), size=len(y))
    s[np.arange(len(y)), y] += skill * rng.random(len(y))
    s = s / s.sum(axis=1, keepdims=True)
    return np.round(s, 6)


def write_predictions(path, ids, classes, scores):
    answers = np.argmax(scores, axis=1)
    with gz(path) as f:
        f.write("id,prediction," + ",".join("score_" + c for c in classes) + "\n")
        for i, ident in enumerate(ids):
            f.write(ident + "," + classes[answers[i]] + "," + ",".join(f"{v:.6f}" for v in scores[i]) + "\n")
    return [classes[a] for a in answers]


def make_case(directory, k, n, positive):
    os.makedirs(directory, exist_ok=True)
    classes = [f"c{i:02d}" for i in range(k)] if k > 2 else ["negative", "positive"]
    y = rng.integers(0, k, n)
    labels = [classes[i] for i in y]
    ids = [f"r{i:05d}" for i in range(n)]
    group = rng.choice(["a", "b", "c", "d"], n, p=[0.5, 0.3, 0.15, 0.05])
    hard = rng.random(n) < 0.2
    with gz(os.path.join(directory, "examples.csv.gz")) as f:
        f.write("id,label,group,tags,x0\n")
        for i in range(n):
            f.write(f"{ids[i]},{labels[i]},{group[i]},{'hard' if hard[i] else ''},{rng.random():.4f}\n")
    deployed_scores = scores_for(y, k, 1.2)
    candidate_scores = scores_for(y, k, 1.0)
    deployed = write_predictions(os.path.join(directory, "deployed.csv.gz"), ids, classes, deployed_scores)
    candidate = write_predictions(os.path.join(directory, "candidate.csv.gz"), ids, classes, candidate_scores)
    slices = {"all": np.ones(n, bool), "group-a": group == "a", "group-d": group == "d",
              "groups-b-c": np.isin(group, ["b", "c"]), "hard": hard}
    with open(os.path.join(directory, "manifest.yaml"), "w") as f:
        f.write(f"name: random-{k}\nversion: '1'\nclasses: {json.dumps(classes)}\n")
        if positive:
            f.write("positiveClass: positive\n")
        f.write("input: { columns: { names: [x0] } }\n"
                "examples: { file: examples.csv.gz, metadata: [group], tagsColumn: hard_tags }\n".replace("hard_tags", "tags")
                + "slices:\n"
                "  - { name: group-a, where: { column: group, equals: a } }\n"
                "  - { name: group-d, where: { column: group, equals: d } }\n"
                "  - { name: groups-b-c, where: { column: group, in: [b, c] } }\n"
                "  - { name: hard, tag: hard }\n")
    with open(os.path.join(directory, "suite.yaml"), "w") as f:
        f.write("name: random\ngoldenSet: .\nseed: 1\nevidence: { resamples: 200 }  # intervals are not what this case checks\n"
                "deployed: { type: predictions, name: deployed, file: deployed.csv.gz }\n"
                "candidates:\n  candidate: { type: predictions, name: candidate, file: candidate.csv.gz }\n"
                "policy:\n  rules:\n    - { rule: max-negative-flip-rate, slices: ['*'], max: 1 }\n")
    expected = {"classes": classes, "slices": {}}
    for name, mask in slices.items():
        idx = np.flatnonzero(mask)
        sl = [labels[i] for i in idx]
        dep = [deployed[i] for i in idx]
        cand = [candidate[i] for i in idx]
        dep_metrics, _ = metrics_of(classes, "positive" if positive else None, sl, dep, deployed_scores[idx])
        cand_metrics, _ = metrics_of(classes, "positive" if positive else None, sl, cand, candidate_scores[idx])
        b = sum(1 for l, d, c in zip(sl, dep, cand) if d == l and c != l)
        c = sum(1 for l, d, cc in zip(sl, dep, cand) if d != l and cc == l)
        low, high = proportion_confint(b, len(idx), alpha=1 - LEVEL, method="beta")
        upper = proportion_confint(b, len(idx), alpha=2 * (1 - LEVEL), method="beta")[1]
        expected["slices"][name] = {
            "n": int(len(idx)), "negativeFlips": b, "positiveFlips": c,
            "deployed": dep_metrics, "candidate": cand_metrics,
            "mcnemarPValue": 1.0 if b + c == 0 else binomtest(b, b + c, 0.5, alternative="greater").pvalue,
            "nfrCi": {"low": low, "high": high, "method": "clopper-pearson"}, "nfrUpperBound": upper,
        }
    with open(os.path.join(directory, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


def make_regression_case(directory, n, tolerance):
    """A regression task: numeric targets, numeric predictions, flips by the error tolerance."""
    from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
    os.makedirs(directory, exist_ok=True)
    ids = [f"r{i:05d}" for i in range(n)]
    target = np.round(rng.normal(50, 12, n), 2)
    group = rng.choice(["a", "b", "c", "d"], n, p=[0.5, 0.3, 0.15, 0.05])
    target[group == "d"] = 42.0  # a slice whose targets do not vary: R² is undefined there
    deployed = np.round(target + rng.normal(0, 3, n), 3)
    candidate = np.round(target + rng.normal(0.5, 3.2, n), 3)
    with gz(os.path.join(directory, "examples.csv.gz")) as f:
        f.write("id,label,group,x0\n")
        f.writelines(f"{ids[i]},{target[i]},{group[i]},0\n" for i in range(n))
    for name, values in [("deployed", deployed), ("candidate", candidate)]:
        with gz(os.path.join(directory, f"{name}.csv.gz")) as f:
            f.write("id,prediction\n")
            f.writelines(f"{ids[i]},{values[i]}\n" for i in range(n))
    with open(os.path.join(directory, "manifest.yaml"), "w") as f:
        f.write(f"name: random-regression\nversion: '1'\ntask: regression\ntolerance: {tolerance}\n"
                "input: { columns: { names: [x0] } }\nexamples: { file: examples.csv.gz, metadata: [group] }\n"
                "slices:\n  - { name: group-a, where: { column: group, equals: a } }\n"
                "  - { name: group-d, where: { column: group, equals: d } }\n")
    with open(os.path.join(directory, "suite.yaml"), "w") as f:
        f.write("name: random\ngoldenSet: .\nseed: 1\nevidence: { resamples: 200 }\n"
                "deployed: { type: predictions, name: deployed, file: deployed.csv.gz }\n"
                "candidates:\n  candidate: { type: predictions, name: candidate, file: candidate.csv.gz }\n"
                "policy:\n  rules:\n    - { rule: max-metric-drop, metric: meanAbsoluteError, slices: ['*'], max: 1 }\n")
    expected = {"task": "regression", "slices": {}}
    for name, mask in {"all": np.ones(n, bool), "group-a": group == "a", "group-d": group == "d"}.items():
        y, d, c = target[mask], deployed[mask], candidate[mask]
        ed, ec = np.abs(d - y), np.abs(c - y)
        def metrics(p):
            m = {"meanAbsoluteError": mean_absolute_error(y, p), "rootMeanSquaredError": mean_squared_error(y, p, squared=False)}
            if np.var(y) > 0:  # sklearn reports 1 or 0 for constant targets; Flipgate leaves R² undefined
                m["r2"] = r2_score(y, p)
            return m
        b = int(np.sum(ec > ed + tolerance))
        pos = int(np.sum(ed > ec + tolerance))
        low, high = proportion_confint(b, len(y), alpha=1 - LEVEL, method="beta")
        expected["slices"][name] = {"n": int(len(y)), "negativeFlips": b, "positiveFlips": pos,
                                    "deployed": metrics(d), "candidate": metrics(c),
                                    "nfrCi": {"low": low, "high": high, "method": "clopper-pearson"},
                                    "nfrUpperBound": proportion_confint(b, len(y), alpha=2 * (1 - LEVEL), method="beta")[1]}
    with open(os.path.join(directory, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


out = sys.argv[1]
for k, n, positive in [(2, 3000, True), (5, 4000, False), (12, 2500, False), (20, 3000, False)]:
    make_case(os.path.join(out, f"classes-{k:02d}"), k, n, positive)
make_regression_case(os.path.join(out, "regression"), 3000, 1.5)
with open(os.path.join(out, "README.md"), "w") as f:
    f.write("# Random predictions-file cases\n\nMade by `tools/reference/random_gate_fixtures.py` with "
            f"scikit-learn {sklearn.__version__}, SciPy {scipy.__version__}, statsmodels {statsmodels.__version__}; "
            "checked by `RandomPredictionsCheckTest`.\n")
