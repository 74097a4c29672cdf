#!/usr/bin/env bash
# The 1,000,000-row workload of bench/gate-vs-pandas over Parquet files: writes the Parquet twins of
# its examples and predictions files (CsvToParquet.java, parquet-hadoop's writer), then runs
# `flipgate gate` over the CSV files and over the Parquet files, interleaved, ROUNDS times each
# under /usr/bin/time -v, and prints walls, peak RSS and medians. (The pandas script is not run
# over Parquet: reading Parquet in Python needs pyarrow or fastparquet, which this machine's
# package sources do not offer; bench/gate-vs-pandas compares with it over CSV.)
#   bench/gate-parquet/run.sh [N] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"
rounds="${2:-3}"
csv="${TMPDIR:-/tmp}/flipgate-bench-vs-pandas-$n"
work="${TMPDIR:-/tmp}/flipgate-bench-parquet-$n"
[[ -f "$csv/suite.yaml" ]] || python3 "$root/bench/gate-1m/generate.py" "$csv" "$n"
"$root/flipgate" --version >/dev/null  # builds the harness and its lib/ once
mkdir -p "$work"
classpath="$root/harness/target/classes:$root/harness/target/lib/*"
for name in examples deployed candidate; do
  [[ -f "$work/$name.parquet" ]] || java -cp "$classpath" "$root/bench/gate-parquet/CsvToParquet.java" \
    "$csv/$name.csv.gz" "$work/$name.parquet"
done
sed 's/examples.csv.gz/examples.parquet/' "$csv/manifest.yaml" > "$work/manifest.yaml"
sed 's/deployed.csv.gz/deployed.parquet/; s/candidate.csv.gz/candidate.parquet/' "$csv/suite.yaml" > "$work/suite.yaml"

measure() {  # label, suite: prints "label wall_seconds peak_kib"
  local log="$work/time-$1.txt" status=0
  /usr/bin/time -v "$root/flipgate" gate "$2" --out "$work/out-$1" --quiet --no-cache > /dev/null 2> "$log" || status=$?
  if [[ $status -gt 1 ]]; then echo "$1 failed (exit $status):" >&2; head -20 "$log" >&2; exit 1; fi
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "$1 $wall $rss"
}
results="$work/results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  measure csv "$csv/suite.yaml" | tee -a "$results"
  measure parquet "$work/suite.yaml" | tee -a "$results"
done
ls -la "$csv"/*.csv.gz "$work"/*.parquet
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for tool in ("csv", "parquet"):
    walls = [float(r[1]) for r in rows if r[0] == tool]
    rss = [float(r[2]) / 1024 for r in rows if r[0] == tool]
    print(f"{tool}: median {statistics.median(walls):.2f} s, {statistics.median(rss):.0f} MiB peak RSS")
PY
