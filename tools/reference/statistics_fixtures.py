"""Reference values for Flipgate's statistics package, computed with SciPy and statsmodels.

Run once (Debian's python3-scipy and python3-statsmodels) to regenerate the committed fixture:
    /usr/bin/python3 tools/reference/statistics_fixtures.py \
        > harness/fixtures/reference/statistics.json
"""
import json

import scipy
import statsmodels
from scipy.stats import binomtest
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

mcnemar = [
    {"negative": b, "positive": c,
     "pValue": 1.0 if b + c == 0 else binomtest(b, b + c, 0.5, alternative="greater").pvalue}
    for b, c in [(0, 0), (0, 5), (5, 0), (3, 3), (42, 55), (7, 0), (9, 9), (120, 80), (1, 1000), (500, 480), (35, 34)]
]

clopper_pearson = []
for k, n, level in [(0, 10, 0.95), (10, 10, 0.95), (42, 10000, 0.95), (7, 958, 0.95), (1, 86, 0.90),
                    (35, 1771, 0.99), (3, 7, 0.80), (0, 1, 0.95), (5000, 10000, 0.95)]:
    low, high = proportion_confint(k, n, alpha=1 - level, method="beta")
    upper = proportion_confint(k, n, alpha=2 * (1 - level), method="beta")[1]
    clopper_pearson.append({"successes": k, "trials": n, "level": level, "low": low, "high": high,
                            "oneSidedUpperBound": upper})

p_value_lists = [
    [0.01, 0.04, 0.03, 0.005, 0.2],
    [0.05, 0.05, 0.05, 0.05],
    [1.0, 0.5, 0.0001, 0.04, 0.04, 0.3, 0.9],
    [0.001],
    [0.2, 0.0, 0.6, 0.01, 0.011, 0.012, 0.3, 0.7, 0.02, 0.9, 0.5, 0.04, 0.05],
]
corrections = [
    {"pValues": p,
     "holm-bonferroni": list(multipletests(p, method="holm")[1]),
     "benjamini-hochberg": list(multipletests(p, method="fdr_bh")[1])}
    for p in p_value_lists
]

print(json.dumps({
    "generatedWith": f"scipy {scipy.__version__}, statsmodels {statsmodels.__version__}",
    "mcnemar": mcnemar,
    "clopperPearson": clopper_pearson,
    "corrections": corrections,
}, indent=1))
