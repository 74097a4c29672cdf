"""Reference values for Flipgate's latency statistics, computed with NumPy and SciPy.

Two paired samples of single-example latencies (microseconds, log-normal with a heavy tail, the
candidate about 30% slower), their nearest-rank percentiles (NumPy's 'inverted_cdf') and SciPy's
paired percentile-bootstrap interval of the ratio of their 95th percentiles.

Run once to regenerate the committed fixture:
    /usr/bin/python3 tools/reference/latency_fixtures.py \
        > harness/fixtures/reference/latency.json
"""
import json

import numpy as np
import scipy
from scipy.stats import bootstrap

rng = np.random.default_rng(20261127)
n = 300
deployed = np.maximum(1, np.round(rng.lognormal(mean=np.log(800), sigma=0.35, size=n))).astype(np.int64)
# The candidate shares each example's noise (same machine moment) and is ~30% slower.
candidate = np.maximum(1, np.round(deployed * 1.3 * rng.lognormal(mean=0, sigma=0.15, size=n))).astype(np.int64)


def p95_ratio(d, c):
    return np.percentile(c, 95, method="inverted_cdf") / np.percentile(d, 95, method="inverted_cdf")


result = bootstrap((deployed, candidate), p95_ratio, paired=True, vectorized=False, n_resamples=20000,
                   confidence_level=0.95, method="percentile", random_state=np.random.default_rng(7))

print(json.dumps({
    "generator": f"numpy {np.__version__}, scipy {scipy.__version__}",
    "deployedMicros": deployed.tolist(),
    "candidateMicros": candidate.tolist(),
    "percentiles": {
        role: {str(p): float(np.percentile(values, p, method="inverted_cdf")) for p in (50, 95, 99)}
        for role, values in (("deployed", deployed), ("candidate", candidate))
    },
    "max": {"deployed": int(deployed.max()), "candidate": int(candidate.max())},
    "p95Ratio": {"estimate": float(p95_ratio(deployed, candidate)), "level": 0.95, "resamples": 20000,
                 "low": float(result.confidence_interval.low), "high": float(result.confidence_interval.high)},
}, indent=1))
