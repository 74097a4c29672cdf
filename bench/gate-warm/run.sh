#!/usr/bin/env bash
# Where a command-line gate's time goes: the 1,000,000-row workload of bench/gate-vs-pandas gated
# ROUNDS times in one JVM (WarmGates.java). The first round is the cold gate every `flipgate gate`
# is; the later ones are the same work in a JVM that has already loaded, initialised and
# JIT-compiled its code. Their difference is the JVM's warm-up, which a one-shot process pays in full.
#   bench/gate-warm/run.sh [N] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"
rounds="${2:-8}"
work="${TMPDIR:-/tmp}/flipgate-bench-vs-pandas-$n"
[[ -f "$work/suite.yaml" ]] || python3 "$root/bench/gate-1m/generate.py" "$work" "$n"
"$root/flipgate" --version >/dev/null  # builds the harness once, outside the timing
cli="$root/harness/cli/target"
java -XX:+UseSerialGC -Xms64m -cp "$cli/flipgate.jar:$cli/lib/*" "$root/bench/gate-warm/WarmGates.java" "$rounds" \
  gate "$work/suite.yaml" --out "$work/flipgate-warm-out" --quiet --no-cache --no-ledger
