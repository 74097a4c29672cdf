#!/usr/bin/env bash
# The same gate on N generated examples (10 classes, 13 slices; bench/gate-1m/generate.py) in this
# process and on Spark local[2]: writes the Parquet twins of the examples and predictions
# (bench/gate-parquet/CsvToParquet.java), then runs `flipgate gate` with the local engine and with
# `--engine spark --master local[2]`, interleaved, ROUNDS times each under /usr/bin/time -v, prints
# walls, peak RSS (of the one JVM: Spark local mode runs driver and executors in it) and medians,
# and checks the two results agree (verdict, every slice's counts and metrics, every check).
#   bench/gate-spark/run.sh [N] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-10000000}"
rounds="${2:-1}"
csv="${TMPDIR:-/tmp}/flipgate-bench-vs-pandas-$n"
work="${TMPDIR:-/tmp}/flipgate-bench-spark-$n"
[[ -f "$csv/suite.yaml" ]] || python3 "$root/bench/gate-1m/generate.py" "$csv" "$n"
"$root/flipgate" --version --engine spark >/dev/null  # and flipgate-spark with Spark's lib/
source "$root/bench/lib/parquet-twin.sh"
parquet_twin "$root" "$csv" "$work"
source "$root/bench/lib/timed.sh"

results="$work/results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  timed local 1 "$work" "$root/flipgate" gate "$work/suite.yaml" --out "$work/out-local" --quiet --no-cache --no-ledger \
    | tee -a "$results"
  timed spark 1 "$work" "$root/flipgate" gate "$work/suite.yaml" --engine spark --master 'local[2]' \
    --conf spark.sql.shuffle.partitions=8 --conf spark.ui.enabled=false --conf flipgate.maxFlips=2000000 --out "$work/out-spark" --quiet --no-ledger \
    | tee -a "$results"
done
ls -la "$work"/*.parquet
python3 - "$results" "$work/out-local" "$work/out-spark" <<'PY'
import gzip, json, statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for engine in ("local", "spark"):
    walls = [float(r[1]) for r in rows if r[0] == engine]
    rss = [float(r[2]) / 1024 for r in rows if r[0] == engine]
    print(f"{engine}: median {statistics.median(walls):.2f} s, {statistics.median(rss):.0f} MiB peak RSS")
local, spark = (json.load(open(p + "/result.json")) for p in sys.argv[2:4])
flips = [sorted(gzip.open(p + "/flips.csv.gz", "rt").read().splitlines()) for p in sys.argv[2:4]]
# The generated ids are not in id order, and Spark lists flips by id: compare what does not depend
# on the order (the messages name the first flips, result.json lists the first 10,000 of a long list).
strip = lambda check: {k: v for k, v in check.items() if k != "message"}
same = (local["verdict"] == spark["verdict"] and local["slices"] == spark["slices"]
        and local["flipCounts"] == spark["flipCounts"]
        and [strip(c) for c in local["checks"]] == [strip(c) for c in spark["checks"]]
        and flips[0] == flips[1])
print(f"verdict {local['verdict']} / {spark['verdict']}; results agree: {same}")
sys.exit(0 if same else 1)
PY
