#!/usr/bin/env bash
# Flipgate against the Python script it replaces, on the same workload: 1,000,000 examples,
# 10 classes, 13 slices, 1,000 bootstrap resamples, predictions files (bench/gate-1m/generate.py).
# Runs the two interleaved, ROUNDS times, each under /usr/bin/time -v, and prints every wall and
# peak RSS, their medians and the ratios. Needs Debian's python3-pandas, python3-sklearn and
# python3-statsmodels (apt-get install -y python3-pandas python3-sklearn python3-statsmodels), run by
# Debian's /usr/bin/python3 (PYTHON to use another). A run that fails stops the benchmark.
#   bench/gate-vs-pandas/run.sh [N] [ROUNDS]
# Runs record in no ledger (--no-ledger): the figures are the comparison's, as the pandas script keeps no history.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"
rounds="${2:-3}"
python="${PYTHON:-/usr/bin/python3}"
work="${TMPDIR:-/tmp}/flipgate-bench-vs-pandas-$n"
[[ -f "$work/suite.yaml" ]] || python3 "$root/bench/gate-1m/generate.py" "$work" "$n"
"$root/flipgate" --version >/dev/null  # builds the harness once, outside the timing

source "$root/bench/lib/timed.sh"

results="$work/results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  timed flipgate 1 "$work" env FLIPGATE_JAVA_OPTS="${FLIPGATE_JAVA_OPTS:-}" "$root/flipgate" gate "$work/suite.yaml" \
    --out "$work/flipgate-out" --quiet --no-cache --no-ledger | tee -a "$results"
  timed python 0 "$work" "$python" "$root/bench/gate-vs-pandas/compare.py" "$work" | tee -a "$results"
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def median(tool, column):
    return statistics.median(float(r[column]) for r in rows if r[0] == tool)
fw, fr = median("flipgate", 1), median("flipgate", 2) / 1024
pw, pr = median("python", 1), median("python", 2) / 1024
print(f"medians: flipgate {fw:.2f} s, {fr:.0f} MiB peak RSS; python {pw:.2f} s, {pr:.0f} MiB peak RSS")
print(f"flipgate is {pw / fw:.2f}x as fast and uses {fr / pr:.2f}x the memory (target: >= 10x as fast, <= 0.5x the memory)")
PY
