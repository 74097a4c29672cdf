#!/usr/bin/env bash
# Throughput of the KServe v2 adapter against a loopback KServe v2 server in the same JVM (the test
# fixture, canned answers) and against a separate asyncio server process, both answering every
# request after a fixed 5 ms, one example per request. Prints examples/s and the share of the
# ideal concurrency / delay for each round after a warm-up round.
#   [JAVA=/path/to/java] bench/kserve-throughput/run.sh [CONCURRENCY=16] [DELAY_MS=5] [EXAMPLES=12800] [ROUNDS=6]
# JAVA picks the JVM that runs the client (default: java on PATH), e.g. a newer JDK's HttpClient.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -B test-compile -pl harness
./mvnw -q -B dependency:build-classpath -pl harness -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# The classpath goes into a manifest-only jar, as Surefire does: ONNX Runtime 1.29.0 crashes
# (SIGSEGV creating its environment) when java.class.path is longer than about 4,000 characters.
python3 - "$root/harness" <<'PY'
import pathlib, sys, zipfile
harness = pathlib.Path(sys.argv[1])
entries = [harness / "target/test-classes", harness / "target/classes"]
entries += [pathlib.Path(p) for p in (harness / "target/bench-classpath.txt").read_text().strip().split(":")]
urls = " ".join(p.resolve().as_uri() + ("/" if p.is_dir() else "") for p in entries)
line = "Class-Path: " + urls
wrapped = line[:70] + "".join("\r\n " + line[i:i + 69] for i in range(70, len(line), 69))
manifest = "Manifest-Version: 1.0\r\n" + wrapped + "\r\nMain-Class: dev.flipgate.bench.KServeThroughputBench\r\n\r\n"
with zipfile.ZipFile(harness / "target/bench-classpath.jar", "w") as jar:
    jar.writestr("META-INF/MANIFEST.MF", manifest)
PY
echo "== against the Java test fixture (JDK HttpServer, canned answers) in the same JVM"
java="${JAVA:-java}"
"$java" -version 2>&1 | head -1
"$java" -Dflipgate.repositoryRoot="$root" -jar harness/target/bench-classpath.jar "$@"
echo "== against a separate asyncio server process (bench/kserve-throughput/fixed_delay_server.py)"
port_file="$(mktemp)"
python3 bench/kserve-throughput/fixed_delay_server.py "${2:-5}" > "$port_file" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
"$java" -Dbench.url="http://127.0.0.1:$(head -1 "$port_file")" -Dflipgate.repositoryRoot="$root" \
  -jar harness/target/bench-classpath.jar "$@"
