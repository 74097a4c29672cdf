"""Reference standard errors for Flipgate's paired delta-method intervals of score metrics.

Run once (Debian's python3-sklearn) to regenerate the committed fixture:
    /usr/bin/python3 tools/reference/influence_interval_fixtures.py \
        > harness/fixtures/reference/influence-intervals.json

For a slice of N examples scored by two models, the standard error of a metric's change is
sqrt(sum_i psi_i^2) / N, with psi_i the candidate's empirical influence of example i less the
deployed model's, and an influence N times the derivative of the metric with respect to the
example's weight. Here each derivative is a central finite difference of scikit-learn's own
weighted metric (sample_weight), so nothing of Flipgate's closed forms is reused. Regression metrics
(MAE, RMSE, R²) likewise, from scikit-learn's weighted mean_absolute_error, mean_squared_error and
r2_score. ROC AUC is also checked against DeLong's paired variance computed from midranks (scipy.stats.rankdata),
with N (not N - 1) in the denominators, which is what the influence form gives.
"""
import json

import numpy as np
import sklearn
from scipy.stats import rankdata
from sklearn.metrics import (average_precision_score, log_loss, mean_absolute_error, mean_squared_error, r2_score,
                             roc_auc_score)

rng = np.random.default_rng(20261130)
STEP = 1e-4


def calibration_error(y, answers, scores, w):
    confidence = scores[np.arange(len(y)), answers]
    correct = (answers == y).astype(float)
    edges = np.linspace(0.0, 1.0, 11)
    bins = np.searchsorted(edges[1:-1], confidence)
    total = 0.0
    for b in range(10):
        inside = bins == b
        total += abs(np.sum(w[inside] * (correct[inside] - confidence[inside])))
    return total / np.sum(w)


def metrics(classes, positive, y, answers, scores):
    k = len(classes)
    out = {
        "logLoss": lambda w: log_loss(y, scores, sample_weight=w, labels=list(range(k))),
        "expectedCalibrationError": lambda w: calibration_error(y, answers, scores, w),
    }
    if positive is not None:
        p = classes.index(positive)
        out["brierScore"] = lambda w: np.average((scores[:, p] - (y == p)) ** 2, weights=w)
        out["averagePrecision"] = lambda w: average_precision_score(y == p, scores[:, p], sample_weight=w)
        out["rocAuc"] = lambda w: roc_auc_score(y == p, scores[:, p], sample_weight=w)
    else:
        one_hot = np.eye(k)[y]
        out["brierScore"] = lambda w: np.average(np.sum((scores - one_hot) ** 2, axis=1), weights=w)
    # Over every class, as Flipgate reports them for binary tasks too (each case has every class).
    out["meanAveragePrecision"] = lambda w: np.mean(
        [average_precision_score(y == c, scores[:, c], sample_weight=w) for c in range(k)])
    out["macroRocAuc"] = lambda w: np.mean([roc_auc_score(y == c, scores[:, c], sample_weight=w) for c in range(k)])
    return out


def influences(metric, n):
    psi = np.empty(n)
    for i in range(n):
        up = np.ones(n)
        down = np.ones(n)
        up[i] += STEP
        down[i] -= STEP
        psi[i] = n * (metric(up) - metric(down)) / (2 * STEP)
    return psi


def expected_changes(before, after, n):
    """Each metric's change and the standard error of the change from the paired influences."""
    ones = np.ones(n)
    expected = {}
    for metric in before:
        psi = influences(after[metric], n) - influences(before[metric], n)
        expected[metric] = {"delta": float(after[metric](ones) - before[metric](ones)),
                            "standardError": float(np.sqrt(np.sum(psi ** 2)) / n)}
    return expected


def delong_paired_standard_error(y_positive, deployed, candidate):
    """DeLong's variance of AUC(candidate) - AUC(deployed) from midrank placements, N-denominators."""
    def placements(score):
        pos, neg = score[y_positive], score[~y_positive]
        m, n = len(pos), len(neg)
        all_ranks = rankdata(np.concatenate([pos, neg]))
        v10 = (all_ranks[:m] - rankdata(pos)) / n  # share of negatives each positive outranks
        v01 = 1 - (all_ranks[m:] - rankdata(neg)) / m  # share of positives that outrank each negative
        return v10, v01
    d10, d01 = placements(deployed)
    c10, c01 = placements(candidate)
    m, n = len(d10), len(d01)
    return float(np.sqrt(np.var(c10 - d10) / m + np.var(c01 - d01) / n))


def scores_for(y, k, strength, grid):
    s = rng.dirichlet(np.full(k, 0.8), size=len(y))
    s[np.arange(len(y)), y] += strength
    s = s / s.sum(axis=1, keepdims=True)
    if grid:
        s = np.round(s / grid) * grid + 1e-9
        s = s / s.sum(axis=1, keepdims=True)
    return s


def case(name, classes, positive, n, grid):
    k = len(classes)
    y = rng.integers(0, k, n)
    deployed = scores_for(y, k, 0.6, grid)
    candidate = scores_for(y, k, 0.7, grid)
    answers = {"deployed": np.argmax(deployed, axis=1), "candidate": np.argmax(candidate, axis=1)}
    expected = expected_changes(metrics(classes, positive, y, answers["deployed"], deployed),
                                metrics(classes, positive, y, answers["candidate"], candidate), n)
    out = {"name": name, "classes": classes, "positiveClass": positive,
           "labels": [classes[i] for i in y],
           "deployedAnswers": [classes[i] for i in answers["deployed"]],
           "candidateAnswers": [classes[i] for i in answers["candidate"]],
           "deployedScores": deployed.tolist(), "candidateScores": candidate.tolist(), "expected": expected}
    if positive is not None:
        p = classes.index(positive)
        out["delongStandardError"] = delong_paired_standard_error(y == p, deployed[:, p], candidate[:, p])
    return out


def regression_case(name, n):
    y = rng.normal(10, 3, n)
    values = {"deployed": y + rng.normal(0, 1.0, n), "candidate": y + rng.normal(0.2, 0.9, n)}

    def metrics_of(predicted):
        return {"meanAbsoluteError": lambda w: mean_absolute_error(y, predicted, sample_weight=w),
                "rootMeanSquaredError": lambda w: mean_squared_error(y, predicted, sample_weight=w, squared=False),
                "r2": lambda w: r2_score(y, predicted, sample_weight=w)}
    expected = expected_changes(metrics_of(values["deployed"]), metrics_of(values["candidate"]), n)
    return {"name": name, "task": "regression", "target": y.tolist(), "deployedValues": values["deployed"].tolist(),
            "candidateValues": values["candidate"].tolist(), "expected": expected}


def main():
    cases = [
        case("binary, scores on a 0.05 grid (ties)", ["benign", "malignant"], "malignant", 240, 0.05),
        case("binary, continuous scores", ["benign", "malignant"], "malignant", 200, None),
        case("three classes, scores on a 0.1 grid", ["cat", "dog", "bird"], None, 180, 0.1),
        case("five classes, continuous scores", ["a", "b", "c", "d", "e"], None, 150, None),
        regression_case("regression, 200 targets", 200),
    ]
    print(json.dumps({"generatedWith": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
                      "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
