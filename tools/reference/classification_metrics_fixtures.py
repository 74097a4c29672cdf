"""Reference values for Flipgate's classification metrics, computed with scikit-learn.

Run once (Debian's python3-sklearn) to regenerate the committed fixture:
    /usr/bin/python3 tools/reference/classification_metrics_fixtures.py \
        > harness/fixtures/reference/classification-metrics.json

Cases cover ties, classes missing from a slice, one-class slices and perfect predictions.
Conventions (Flipgate's, documented in SliceMetric / AnswerMetrics / ScoreMetrics):
- averages over the labels present in y_true or y_pred, zero_division=0;
- mean average precision and macro ROC AUC are one-vs-rest over the classes that have
  positives (and, for AUC, negatives) in the slice; sklearn's own macro averaging needs every
  class present, so the per-class sklearn values are averaged here explicitly;
- Brier score: sklearn's brier_score_loss of the positive class for a binary task, the
  multi-class sum over classes otherwise;
- expected calibration error: of the answer's confidence, over sklearn calibration_curve's
  ten uniform bins, weighted by bin size.
"""
import json
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score,
                             brier_score_loss, log_loss, precision_recall_fscore_support,
                             roc_auc_score)

warnings.filterwarnings("ignore")  # zero-division warnings are the point of some cases
rng = np.random.default_rng(20261127)


def expected(classes, positive, labels, answers, scores):
    present = [c for c in classes if c in set(labels) | set(answers)]
    out = {
        "accuracy": accuracy_score(labels, answers),
        "balancedAccuracy": balanced_accuracy_score(labels, answers),
    }
    for average in ["macro", "micro", "weighted"]:
        p, r, f, _ = precision_recall_fscore_support(labels, answers, labels=present, average=average, zero_division=0)
        out[average + "Precision"], out[average + "Recall"], out[average + "F1"] = p, r, f
    if positive is not None:
        p, r, f, _ = precision_recall_fscore_support(labels, answers, pos_label=positive, average="binary",
                                                     zero_division=0)
        out["precision"], out["recall"], out["f1"] = p, r, f
    p, r, f, s = precision_recall_fscore_support(labels, answers, labels=present, average=None, zero_division=0)
    per_class = [{"className": c, "precision": p[i], "recall": r[i], "f1": f[i], "support": int(s[i])}
                 for i, c in enumerate(present)]
    if scores is not None:
        scores = np.asarray(scores)
        y = np.array([classes.index(l) for l in labels])
        # log_loss reads score columns in sorted label order; the golden set's order may differ.
        order = np.argsort(classes)
        out["logLoss"] = log_loss(labels, scores[:, order], labels=sorted(classes))
        if positive is not None:
            pos = classes.index(positive)
            out["brierScore"] = brier_score_loss(y == pos, scores[:, pos])
            if (y == pos).any():  # without positives sklearn warns and returns 0; Flipgate reports it undefined
                out["averagePrecision"] = average_precision_score(y == pos, scores[:, pos])
            if 0 < (y == pos).sum() < len(y):
                out["rocAuc"] = roc_auc_score(y == pos, scores[:, pos])
        else:
            out["brierScore"] = float(np.mean(np.sum((scores - np.eye(len(classes))[y]) ** 2, axis=1)))
        aps = [average_precision_score(y == c, scores[:, c]) for c in range(len(classes)) if (y == c).any()]
        aucs = [roc_auc_score(y == c, scores[:, c]) for c in range(len(classes)) if 0 < (y == c).sum() < len(y)]
        out["meanAveragePrecision"] = float(np.mean(aps))
        if aucs:
            out["macroRocAuc"] = float(np.mean(aucs))
        answer_index = np.array([classes.index(a) for a in answers])
        confidence = scores[np.arange(len(y)), answer_index]
        correct = (answer_index == y).astype(int)
        prob_true, prob_pred = calibration_curve(correct, confidence, n_bins=10, strategy="uniform")
        bins = np.linspace(0.0, 1.0, 11)
        counts = np.bincount(np.searchsorted(bins[1:-1], confidence), minlength=10)
        counts = counts[counts > 0]
        out["expectedCalibrationError"] = float(np.sum(counts / len(y) * np.abs(prob_true - prob_pred)))
    return out, per_class


def case(name, classes, labels, answers, scores=None, positive=None):
    values, per_class = expected(classes, positive, labels, answers, scores)
    return {"name": name, "classes": classes, "positiveClass": positive, "labels": labels, "answers": answers,
            "scores": None if scores is None else [list(map(float, row)) for row in scores],
            "expected": values, "perClass": per_class}


def random_scores(n, k, concentration=1.0, grid=None):
    s = rng.dirichlet(np.full(k, concentration), size=n)
    if grid:
        s = np.round(s / grid) * grid + 1e-12
        s = s / s.sum(axis=1, keepdims=True)
    return s


def argmax_answers(classes, scores):
    return [classes[i] for i in np.argmax(scores, axis=1)]


def main():
    digits = [str(d) for d in range(10)]
    c3 = ["cat", "dog", "bird"]
    cases = [
        case("perfect predictions", c3, ["cat", "dog", "dog", "bird"], ["cat", "dog", "dog", "bird"],
             [[0.8, 0.1, 0.1], [0.1, 0.7, 0.2], [0.2, 0.6, 0.2], [0.1, 0.1, 0.8]]),
        case("one-class slice, all right", digits, ["7"] * 3, ["7"] * 3),
        case("one-class slice, some wrong, with scores", c3, ["dog"] * 4, ["dog", "cat", "bird", "dog"],
             [[0.2, 0.7, 0.1], [0.6, 0.3, 0.1], [0.3, 0.3, 0.4], [0.1, 0.5, 0.4]]),
        case("a class never predicted", ["a", "b", "c"], ["a", "a", "b", "c"], ["a", "a", "a", "c"]),
        case("a class predicted but absent from the slice", ["a", "b", "z"], ["a", "a", "b"], ["a", "z", "b"]),
        case("everything wrong", ["a", "b"], ["a", "b"], ["b", "a"], [[0.3, 0.7], [0.9, 0.1]]),
    ]
    s = random_scores(200, 4, grid=0.1)
    labels = [["w", "x", "y", "z"][i] for i in rng.integers(0, 4, 200)]
    cases.append(case("ties: scores on a 0.1 grid, 4 classes", ["w", "x", "y", "z"], labels,
                      argmax_answers(["w", "x", "y", "z"], s), s))
    s = random_scores(300, 2, concentration=0.7, grid=0.05)
    labels = [["benign", "malignant"][i] for i in rng.integers(0, 2, 300)]
    cases.append(case("binary with ties, positive class malignant", ["benign", "malignant"], labels,
                      argmax_answers(["benign", "malignant"], s), s, positive="malignant"))
    cases.append(case("binary, perfectly separated", ["benign", "malignant"],
                      ["benign", "malignant", "malignant", "benign"], ["benign", "malignant", "malignant", "benign"],
                      [[0.9, 0.1], [0.2, 0.8], [0.4, 0.6], [0.7, 0.3]], positive="malignant"))
    cases.append(case("binary slice without positives", ["benign", "malignant"], ["benign"] * 3,
                      ["benign", "malignant", "benign"], [[0.9, 0.1], [0.4, 0.6], [0.7, 0.3]], positive="malignant"))
    y = rng.integers(0, 10, 2000)
    s = random_scores(2000, 10, concentration=0.3)
    s[np.arange(2000), y] += 0.5
    s = s / s.sum(axis=1, keepdims=True)
    cases.append(case("2000 digits, 10 classes", digits, [digits[i] for i in y], argmax_answers(digits, s), s))
    y = rng.choice([0, 2, 4], 150)
    s = random_scores(150, 5)
    cases.append(case("missing classes: 3 of 5 occur", ["a", "b", "c", "d", "e"], [["a", "b", "c", "d", "e"][i] for i in y],
                      argmax_answers(["a", "b", "c", "d", "e"], s), s))

    print(json.dumps({"generatedWith": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}", "cases": cases},
                     indent=1))


if __name__ == "__main__":
    main()
