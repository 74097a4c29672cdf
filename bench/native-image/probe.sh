#!/usr/bin/env bash
# Can Flipgate be compiled ahead of time here? Runs GraalVM's native-image builder, as Maven Central
# publishes it (org.graalvm.nativeimage:svm 25.0.2 and its dependencies), on Temurin 25's JVMCI, over
# the Flipgate CLI, and prints how far it gets. An ahead-of-time binary is what a one-shot gate would
# need to start with its code already compiled (bench/gate-warm shows the warm-up a JVM pays).
#   bench/native-image/probe.sh            (JAVA25 names another JDK 25 home)
# On this workplace the build stops at its first step: the builder links the program against the
# JDK's static libraries (libjava.a, libnio.a, libnet.a) and its own C helpers, which come only
# inside a GraalVM or labs-openjdk download; no package registry reachable here ships them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="${TMPDIR:-/tmp}/flipgate-native-image"
mkdir -p "$work"
"$java25/bin/java" --list-modules | grep -q '^jdk.internal.vm.ci@' \
  || { echo "probe: $java25 has no JVMCI module (jdk.internal.vm.ci); set JAVA25 to a JDK 25 that has it" >&2; exit 2; }
"$root/flipgate" --version >/dev/null  # builds the CLI once
(cd "$root" && ./mvnw -q -B -f bench/native-image/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/builder.path")
builder_path="$(cat "$work/builder.path")"
compiler="$(tr ':' '\n' < "$work/builder.path" | grep '/compiler-[0-9.]*\.jar$')"

# The builder reaches into the JDK's internals; its own launcher (not published to Maven) opens them.
builder_modules="jdk.graal.compiler,org.graalvm.nativeimage.builder,org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.base,org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage,org.graalvm.word,org.graalvm.collections,ALL-UNNAMED"
: > "$work/opens.args"
for module in $("$java25/bin/java" --list-modules | sed 's/@.*//'); do
  "$java25/bin/java" --describe-module "$module" \
    | awk '/^(exports|contains|opens) /{print $2} /^qualified (exports|opens) /{print $3}' | sort -u \
    | sed "s|^|--add-opens=$module/|; s|\$|=$builder_modules|" >> "$work/opens.args"
done

cli="$root/harness/cli/target"
log="$work/build.log"
status=0
"$java25/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler -Xmx6g \
  --upgrade-module-path "$compiler" --module-path "$builder_path" --add-modules ALL-MODULE-PATH \
  --add-reads org.graalvm.nativeimage.base=jdk.graal.compiler @"$work/opens.args" \
  -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
  -Dorg.graalvm.nativeimage.imagecode=buildtime -Djdk.internal.vm.ci.enabled=true -Dcom.oracle.graalvm.isaot=true \
  -Djdk.internal.lambda.disableEagerInitialization=true -Dorg.graalvm.version=25.0.2 -Dorg.graalvm.vendor=GraalVM-Community \
  -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  -imagecp "$cli/flipgate.jar:$(find "$cli/lib" -name '*.jar' | sort | paste -sd:)" \
  -H:Class=dev.flipgate.cli.FlipgateMain -H:Name=flipgate -H:Path="$work/out" \
  -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" > "$log" 2>&1 || status=$?
grep -v '^WARNING: Unknown module' "$log" | grep -E '^\[[0-9]/[0-9]\]|^Error:|^Missing|^Use |^\(search' || true
if [[ $status -eq 0 && -x "$work/out/flipgate" ]]; then
  echo "probe: built $work/out/flipgate"
else
  echo "probe: no native image (builder exit $status); the whole log is $log"
  exit 1
fi
