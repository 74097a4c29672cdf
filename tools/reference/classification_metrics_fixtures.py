"""Reference values for Flipgate's ClassificationMetrics, computed with scikit-learn.

Run once (Debian's python3-sklearn) to regenerate the committed fixture:
    /usr/bin/python3 tools/reference/classification_metrics_fixtures.py \
        > harness/src/test/resources/reference/classification-metrics.json
Cases cover ties, classes missing from a slice, one-class slices and perfect predictions.
sklearn's defaults are Flipgate's: macro averages over the labels present in y_true or y_pred,
and zero_division=0 (a class never predicted has precision 0).
"""
import json
import random
import warnings

import sklearn
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

warnings.filterwarnings("ignore")  # zero-division warnings are the point of some cases


def case(name, labels, predictions):
    return {
        "name": name,
        "labels": labels,
        "predictions": predictions,
        "accuracy": accuracy_score(labels, predictions),
        "macroPrecision": precision_score(labels, predictions, average="macro", zero_division=0),
        "macroRecall": recall_score(labels, predictions, average="macro", zero_division=0),
        "macroF1": f1_score(labels, predictions, average="macro", zero_division=0),
    }


rng = random.Random(20261127)
classes = [str(d) for d in range(10)]
big_labels = [rng.choice(classes) for _ in range(2000)]
big_predictions = [l if rng.random() < 0.9 else rng.choice(classes) for l in big_labels]

cases = [
    case("perfect predictions", ["cat", "dog", "dog", "bird"], ["cat", "dog", "dog", "bird"]),
    case("one-class slice, all right", ["7", "7", "7"], ["7", "7", "7"]),
    case("one-class slice, some wrong", ["7", "7", "7", "7"], ["7", "1", "9", "7"]),
    case("a class never predicted", ["a", "a", "b", "c"], ["a", "a", "a", "c"]),
    case("a class predicted but absent from the slice", ["a", "a", "b"], ["a", "z", "b"]),
    case("everything wrong", ["a", "b"], ["b", "a"]),
    case("ties: balanced errors", ["x", "x", "y", "y"], ["x", "y", "y", "x"]),
    case("2000 random digits, 90% right", big_labels, big_predictions),
]
print(json.dumps({"generatedWith": f"scikit-learn {sklearn.__version__}", "cases": cases}, indent=1))
