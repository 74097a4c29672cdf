# Sourced by the benchmarks that time whole processes.
#   timed LABEL MAX_OK_EXIT DIR COMMAND...
# runs COMMAND under /usr/bin/time -v (its output to DIR/out-LABEL.txt, the timing to
# DIR/time-LABEL.txt) and prints "LABEL wall_seconds peak_kib". An exit above MAX_OK_EXIT is a
# failed run, not a figure: it stops the benchmark. (flipgate exits 1 for BLOCK, a verdict like 0.)
timed() {
  local label="$1" max_ok="$2" dir="$3"
  shift 3
  local log="$dir/time-$label.txt" status=0
  /usr/bin/time -v "$@" > "$dir/out-$label.txt" 2> "$log" || status=$?
  if (( status > max_ok )); then
    echo "$label failed (exit $status):" >&2
    head -20 "$log" >&2
    exit 1
  fi
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "$label $wall $rss"
}
