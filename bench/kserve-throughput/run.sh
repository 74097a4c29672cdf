#!/usr/bin/env bash
# Throughput of the KServe v2 adapter against a loopback KServe v2 server that answers every
# request exactly DELAY_MS after it arrived and costs next to nothing else (fixed_delay_server.c,
# built here with cc): one example per request, so CONCURRENCY requests in flight can at best
# answer CONCURRENCY / DELAY_MS examples a second (3,200/s at 16 and 5 ms). Prints examples/s and
# the share of that ideal for each round, then the median of the rounds after two warm-up rounds.
# With wrk installed (apt-get install wrk), first prints what that C load generator gets from the
# same server with as many connections: the most any client can get on this machine.
#   [JAVA=/path/to/java] bench/kserve-throughput/run.sh [CONCURRENCY=16] [DELAY_MS=5] [EXAMPLES=12800] [ROUNDS=8]
# JAVA picks the JVM that runs the client (default: java on PATH), e.g. a newer JDK's HttpClient.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
concurrency="${1:-16}"
delay="${2:-5}"
# The bench class is a test class of harness/tests; install the modules it needs first.
./mvnw -q -B install -DskipTests -Dmaven.source.skip=true -Dmaven.javadoc.skip=true -Dassembly.skipAssembly=true -pl harness/tests -am
./mvnw -q -B dependency:build-classpath -pl harness/tests -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p harness/tests/target/bench
cc -O2 -Wall -o harness/tests/target/bench/fixed_delay_server bench/kserve-throughput/fixed_delay_server.c
port_file="$(mktemp)"
harness/tests/target/bench/fixed_delay_server "$delay" > "$port_file" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(head -1 "$port_file")"
echo "server: bench/kserve-throughput/fixed_delay_server.c at $url, answers after $delay ms"
if command -v wrk > /dev/null; then
  # A request of MNIST's size (784 numbers, as the adapter writes them).
  lua="$(mktemp)"
  cat > "$lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":"r","inputs":[{"name":"Input3","shape":[1,1,28,28],"datatype":"FP32","data":[' .. string.rep("0,", 783) .. '0]}],"outputs":[{"name":"out"}]}'
LUA
  wrk -t1 -c"$concurrency" -d3s -s "$lua" "$url/v2/models/mnist-8/infer" > /dev/null
  echo "== wrk, $concurrency connections, 10 s (reference: the most a client gets from this server here)"
  wrk -t1 -c"$concurrency" -d10s --latency -s "$lua" "$url/v2/models/mnist-8/infer" | grep -E "Latency|50%|99%|Requests/sec"
  rm -f "$lua"
fi
echo "== Flipgate's KServe v2 adapter"
java="${JAVA:-java}"
"$java" -version 2>&1 | head -1
"$java" -cp "harness/tests/target/test-classes:$(cat harness/tests/target/bench-classpath.txt)" \
  -Dflipgate.repositoryRoot="$root" -Dbench.url="$url" dev.flipgate.bench.KServeThroughputBench "$@"
