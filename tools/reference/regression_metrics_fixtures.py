"""Reference values for Flipgate's regression metrics, computed with scikit-learn.

Run once (Debian's python3-sklearn) to regenerate the committed fixture:
    /usr/bin/python3 tools/reference/regression_metrics_fixtures.py \
        > harness/fixtures/reference/regression-metrics.json

R² is left out where the targets do not vary: scikit-learn then reports 1.0 or 0.0 by
convention (force_finite), Flipgate reports it undefined.
"""
import json

import numpy as np
import sklearn
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

rng = np.random.default_rng(20261127)


def case(name, target, predicted):
    target, predicted = np.asarray(target, float), np.asarray(predicted, float)
    expected = {"meanAbsoluteError": mean_absolute_error(target, predicted),
                "rootMeanSquaredError": mean_squared_error(target, predicted, squared=False)}
    if np.var(target) > 0:
        expected["r2"] = r2_score(target, predicted)
    return {"name": name, "target": target.tolist(), "predicted": predicted.tolist(), "expected": expected}


y = rng.normal(10, 3, 500)
cases = [
    case("perfect predictions", [1.0, 2.5, 4.0, -3.0], [1.0, 2.5, 4.0, -3.0]),
    case("constant target: R² undefined", [7.0] * 5, [6.5, 7.0, 7.5, 8.0, 7.0]),
    case("single example", [3.0], [4.5]),
    case("ties and repeated values", [1, 1, 2, 2, 2, 3], [1, 2, 2, 2, 3, 3]),
    case("worse than the mean: negative R²", [1.0, 2.0, 3.0], [3.0, 1.0, 5.0]),
    case("500 noisy predictions", y, y + rng.normal(0.3, 1.2, 500)),
]
print(json.dumps({"generatedWith": f"scikit-learn {sklearn.__version__}", "cases": cases}, indent=1))
