#!/usr/bin/env bash
# Times `flipgate gate` from predictions files on a synthetic golden set: 1,000,000 examples,
# 13 slices, 1,000 bootstrap resamples (answers only; add --scores for class scores, whose
# intervals resample examples and so grow with n). Prints the wall time of each of 3 runs.
#   bench/gate-1m/run.sh [N] [--scores]
# Runs record in no ledger (--no-ledger): the figures are the comparison's, as the pandas script keeps no history.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${TMPDIR:-/tmp}/flipgate-bench-gate"
python3 "$root/bench/gate-1m/generate.py" "$work" "$@"
"$root/flipgate" --version >/dev/null  # builds the harness once, outside the timing
for run in 1 2 3; do
  start=$(date +%s%N)
  set +e
  FLIPGATE_JAVA_OPTS="${FLIPGATE_JAVA_OPTS:-}" "$root/flipgate" gate "$work/suite.yaml" --out "$work/out-$run" --quiet --no-ledger > "$work/console-$run.txt"
  code=$?
  set -e
  end=$(date +%s%N)
  elapsed=$(( (end - start) / 1000000 ))
  printf 'run %d: exit %d, %d.%03d s wall\n' "$run" "$code" $((elapsed / 1000)) $((elapsed % 1000))
done
ls -la "$work/out-1"
