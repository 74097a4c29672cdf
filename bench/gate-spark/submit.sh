#!/usr/bin/env bash
# Gates SUITE the way a cluster launches the jar: through org.apache.spark.deploy.SparkSubmit (the
# class bin/spark-submit runs) with harness/spark/target/flipgate-spark.jar as the application jar,
# loaded by Spark's own child class loader; the class path is Spark's jars and their libraries
# (harness/spark/target/lib without Flipgate's own jars), as a Spark installation's jars/ holds
# them. No Spark distribution is needed: the jars come from Maven Central through the build.
#   bench/gate-spark/submit.sh SUITE [MASTER] [FLIPGATE OPTIONS…]
# e.g. bench/gate-spark/submit.sh /tmp/flipgate-bench-spark-100000/suite.yaml 'local[2]' --out /tmp/submitted
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
suite="$1"
master="${2:-local[2]}"
shift $(( $# >= 2 ? 2 : 1 ))
"$root/flipgate" --version --engine spark >/dev/null   # builds flipgate-spark.jar and target/lib once
classpath=$(find "$root/harness/spark/target/lib" -name '*.jar' ! -name 'flipgate-*' | sort | paste -sd: -)
opens=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$root/harness/spark/pom.xml")
# shellcheck disable=SC2086
exec java $opens -cp "$classpath" org.apache.spark.deploy.SparkSubmit --class dev.flipgate.cli.FlipgateMain \
  --master "$master" --conf spark.ui.enabled=false "$root/harness/spark/target/flipgate-spark.jar" \
  gate "$suite" --engine spark --no-ledger "$@"
