#!/usr/bin/env bash
# Runs a Flipgate gate in a GitHub Actions job (action.yml at the repository root calls it):
# the gate writes its reports into FLIPGATE_OUT; then `flipgate annotate --github` appends
# summary.md to the job summary ($GITHUB_STEP_SUMMARY) and prints one ::error annotation per
# reason, on the suite file. The step's exit code is the gate's: 0 PROMOTE, 1 BLOCK, 2 bad
# configuration, 3 a model or the ledger failed (then there is no verdict to annotate).
set -uo pipefail
suite="${FLIPGATE_SUITE:?FLIPGATE_SUITE: the suite file to gate}"
out="${FLIPGATE_OUT:-reports/flipgate}"
read -r -a flipgate <<< "${FLIPGATE_COMMAND:-./flipgate}"
args=(gate "$suite" --out "$out" --quiet)
if [[ -n "${FLIPGATE_CANDIDATE:-}" ]]; then args+=(--candidate "$FLIPGATE_CANDIDATE"); fi
if [[ -n "${FLIPGATE_LEDGER:-}" ]]; then args+=(--ledger "$FLIPGATE_LEDGER"); fi
"${flipgate[@]}" "${args[@]}"
gate=$?
if [[ $gate -le 1 ]]; then
  "${flipgate[@]}" annotate "$out" --github --suite-file "$suite" || true
fi
exit "$gate"
