#!/usr/bin/env bash
# The scored workload (10-class probabilities in both predictions files; bench/gate-1m/generate.py
# --scores, default 1,000,000 examples) as Parquet, gated three ways under /usr/bin/time -v: the
# local engine; Spark local[2] with every example's scores on the driver (exact, under
# flipgate.maxScoredRows); Spark local[2] with binned scores (flipgate.maxScoredRows=0,
# evidence.scoreBins from the suite: 1,000). Checks the exact run agrees with the local engine
# (slices and checks, numbers to 1e-9: the generated ids are not in file order, so sums run in
# another order; the flips) and that every binned score metric is within the bound its slice states.
#   bench/gate-spark/scores.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"
csv="${TMPDIR:-/tmp}/flipgate-bench-scores-$n"
work="${TMPDIR:-/tmp}/flipgate-bench-spark-scores-$n"
[[ -f "$csv/suite.yaml" ]] || python3 "$root/bench/gate-1m/generate.py" "$csv" "$n" --scores
"$root/flipgate" --version --engine spark >/dev/null  # and flipgate-spark with Spark's lib/
source "$root/bench/lib/parquet-twin.sh"
parquet_twin "$root" "$csv" "$work"
source "$root/bench/lib/timed.sh"
spark=(--engine spark --master 'local[2]' --conf spark.sql.shuffle.partitions=8 --conf spark.ui.enabled=false
  --conf flipgate.maxFlips=2000000 --quiet --no-ledger)
timed local 1 "$work" "$root/flipgate" gate "$work/suite.yaml" --out "$work/out-local" --quiet --no-cache --no-ledger
timed spark-exact 1 "$work" "$root/flipgate" gate "$work/suite.yaml" --out "$work/out-spark-exact" "${spark[@]}"
timed spark-binned 1 "$work" "$root/flipgate" gate "$work/suite.yaml" --out "$work/out-spark-binned" "${spark[@]}" \
  --conf flipgate.maxScoredRows=0
python3 - "$work" <<'PY'
import gzip, json, sys
work = sys.argv[1]
local, exact, binned = (json.load(open(f"{work}/out-{name}/result.json")) for name in ("local", "spark-exact", "spark-binned"))
flips = lambda name: sorted(gzip.open(f"{work}/out-{name}/flips.csv.gz", "rt").read().splitlines())
strip = lambda checks: [{k: v for k, v in c.items() if k != "message"} for c in checks]
def close(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return a == b
print("exact Spark agrees with the local engine (numbers to 1e-9):", close(local["slices"], exact["slices"])
      and close(strip(local["checks"]), strip(exact["checks"])) and flips("local") == flips("spark-exact"))
worst, within = 0.0, True
for want, got in zip(local["slices"], binned["slices"]):
    bounds = got["scoreApproximation"]["errorBounds"]
    for model in ("deployed", "candidate"):
        for metric, bound in bounds[model].items():
            error = abs(got[model][metric] - want[model][metric])
            within &= error <= bound + 1e-9
            worst = max(worst, error)
print(f"binned score metrics within their stated bounds: {within} (largest error {worst:.2g});"
      f" answers agree: {[s['deployed']['accuracy'] for s in local['slices']] == [s['deployed']['accuracy'] for s in binned['slices']]}")
PY
