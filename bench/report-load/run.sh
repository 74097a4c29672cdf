#!/usr/bin/env bash
# Measures how fast the MNIST demo's report.html (the full 10,000-example run) loads in headless
# Chromium: runs the browser test, which prints the page's own Navigation Timing load event and
# the WebDriver navigation time, and the report's size. Needs chromium and chromium-driver.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -B -Dtest=MnistReportInBrowserTest -Dsurefire.failIfNoSpecifiedTests=false test 2>&1 | grep -E "report.html \(" || {
  echo "the browser test did not report a load time; run it with ./mvnw -Dtest=MnistReportInBrowserTest test" >&2
  exit 1
}
