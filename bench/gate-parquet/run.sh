#!/usr/bin/env bash
# The 1,000,000-row workload of bench/gate-vs-pandas over Parquet files: writes the Parquet twins of
# its examples and predictions files (CsvToParquet.java, parquet-hadoop's writer), then runs
# `flipgate gate` over the CSV files and over the Parquet files, interleaved, ROUNDS times each
# under /usr/bin/time -v, and prints walls, peak RSS and medians. (The pandas script is not run
# over Parquet: reading Parquet in Python needs pyarrow or fastparquet, which this machine's
# package sources do not offer; bench/gate-vs-pandas compares with it over CSV.)
#   bench/gate-parquet/run.sh [N] [ROUNDS]
# Runs record in no ledger (--no-ledger): the figures are the comparison's, as the pandas script keeps no history.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"
rounds="${2:-3}"
csv="${TMPDIR:-/tmp}/flipgate-bench-vs-pandas-$n"
work="${TMPDIR:-/tmp}/flipgate-bench-parquet-$n"
[[ -f "$csv/suite.yaml" ]] || python3 "$root/bench/gate-1m/generate.py" "$csv" "$n"
source "$root/bench/lib/parquet-twin.sh"
parquet_twin "$root" "$csv" "$work"
source "$root/bench/lib/timed.sh"

results="$work/results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  timed csv 1 "$work" "$root/flipgate" gate "$csv/suite.yaml" --out "$work/out-csv" --quiet --no-cache --no-ledger | tee -a "$results"
  timed parquet 1 "$work" "$root/flipgate" gate "$work/suite.yaml" --out "$work/out-parquet" --quiet --no-cache --no-ledger \
    | tee -a "$results"
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
