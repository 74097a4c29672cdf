# Sourced by the benchmarks that gate Parquet files.
#   parquet_twin ROOT CSV_DIR WORK_DIR
# writes into WORK_DIR the Parquet twins of the examples and predictions files of a bench/gate-1m
# golden set in CSV_DIR (CsvToParquet.java, parquet-hadoop's writer; kept once written) and its
# manifest and suite naming them.
parquet_twin() {
  local root="$1" csv="$2" work="$3" name
  "$root/flipgate" --version >/dev/null  # builds the CLI and its lib/ once
  mkdir -p "$work"
  for name in examples deployed candidate; do
    [[ -f "$work/$name.parquet" ]] || java -cp "$root/harness/cli/target/lib/*" "$root/bench/gate-parquet/CsvToParquet.java" \
      "$csv/$name.csv.gz" "$work/$name.parquet"
  done
  sed 's/examples.csv.gz/examples.parquet/' "$csv/manifest.yaml" > "$work/manifest.yaml"
  sed 's/deployed.csv.gz/deployed.parquet/; s/candidate.csv.gz/candidate.parquet/' "$csv/suite.yaml" > "$work/suite.yaml"
}
