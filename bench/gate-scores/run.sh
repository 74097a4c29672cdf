#!/usr/bin/env bash
# Issue 12's score target: the 1,000,000-row workload of bench/gate-vs-pandas with 10-class scores
# in both predictions files, against the same workload with answers only. Runs `flipgate gate` on
# each, interleaved, ROUNDS times under /usr/bin/time -v, and prints walls, peak RSS, medians and
# the ratio scores / answers (target: at most 3). Score-metric intervals of slices over 20,000
# examples are the paired delta-method ones (README, Evidence), so they do not resample.
#   bench/gate-scores/run.sh [N] [ROUNDS]
# Runs record in no ledger (--no-ledger): the figures are the comparison's, as the pandas script keeps no history.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"
rounds="${2:-3}"
answers="${TMPDIR:-/tmp}/flipgate-bench-vs-pandas-$n"
scores="${TMPDIR:-/tmp}/flipgate-bench-scores-$n"
[[ -f "$answers/suite.yaml" ]] || python3 "$root/bench/gate-1m/generate.py" "$answers" "$n"
[[ -f "$scores/suite.yaml" ]] || python3 "$root/bench/gate-1m/generate.py" "$scores" "$n" --scores
"$root/flipgate" --version >/dev/null  # builds the harness once, outside the timing

source "$root/bench/lib/timed.sh"

results="$scores/results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  timed answers 1 "$scores" "$root/flipgate" gate "$answers/suite.yaml" --out "$scores/out-answers" --quiet --no-cache --no-ledger \
    | tee -a "$results"
  timed scores 1 "$scores" "$root/flipgate" gate "$scores/suite.yaml" --out "$scores/out-scores" --quiet --no-cache --no-ledger \
    | tee -a "$results"
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
median = {}
for kind in ("answers", "scores"):
    walls = [float(r[1]) for r in rows if r[0] == kind]
    rss = [float(r[2]) / 1024 for r in rows if r[0] == kind]
    median[kind] = statistics.median(walls)
    print(f"{kind}: walls {', '.join(f'{w:.2f}' for w in walls)} s; median {median[kind]:.2f} s, "
          f"{statistics.median(rss):.0f} MiB peak RSS")
print(f"scores / answers: {median['scores'] / median['answers']:.2f}x (target: at most 3x)")
PY
