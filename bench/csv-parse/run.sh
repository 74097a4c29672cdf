#!/usr/bin/env bash
# How much of reading a golden set is the CSV parser: reads one file (default: the examples of the
# 1,000,000-row bench golden set, generated when missing) with gunzip alone, gunzip + decoding,
# Commons CSV and Flipgate's CsvRecords, ROUNDS times each in one JVM, and prints the medians.
#   bench/csv-parse/run.sh [FILE] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${TMPDIR:-/tmp}/flipgate-bench-vs-pandas-1000000"
file="${1:-$work/examples.csv.gz}"
rounds="${2:-5}"
if [[ ! -f "$file" ]]; then
  python3 "$root/bench/gate-1m/generate.py" "$work" 1000000
fi
"$root/flipgate" --version >/dev/null  # builds the harness and its lib/ once
java -cp "$root/harness/cli/target/lib/*" "$root/bench/csv-parse/CsvParseBench.java" "$file" "$rounds"
