# Reference values of Tango's score interval for the difference of paired proportions, from the
# ratesci package's pairbinci (method_RD = "Score"), for TangoScoreIntervalTest.
#
# Usage: Rscript paired_interval_fixtures.R RATESCI_R_DIR > ../../harness/fixtures/reference/paired-intervals.json
#   RATESCI_R_DIR: the R/ directory of a ratesci source checkout (version 0.4-0.9000 was used);
#   only base R is needed (Debian r-base-core), the package is sourced, not installed.
args <- commandArgs(trailingOnly = TRUE)
for (f in list.files(args[1], pattern = "\\.R$", full.names = TRUE)) source(f)

cases <- list()
add <- function(gained, lost, n, level) {
  # x = c(a, b, c, d): b = right only under the second model ("gained"), c = only under the first.
  # pairbinci's RD is p1 - p2 = (b - c)/n, the change Flipgate reports.
  x <- c(n - gained - lost, gained, lost, 0)
  est <- pairbinci(x = x, contrast = "RD", level = level, method_RD = "Score", precis = 10)$estimates
  cases[[length(cases) + 1]] <<- sprintf(
    '{"gained": %d, "lost": %d, "n": %d, "level": %s, "lower": %.10f, "upper": %.10f}',
    gained, lost, n, format(level), est[1, "Lower"], est[1, "Upper"])
}
for (n in c(10, 20, 30, 50, 100, 300, 1000)) {
  for (level in c(0.95, 0.9)) {
    add(0, 0, n, level)
    add(1, 0, n, level)
    add(0, 1, n, level)
    add(2, 3, n, level)
    add(floor(n / 10), floor(n / 20), n, level)
    add(floor(n / 25), floor(n / 8), n, level)
  }
}
add(7, 0, 958, 0.95)
add(55, 42, 10000, 0.95)
add(10, 0, 10, 0.95)
add(0, 10, 10, 0.95)
cat("{\n  \"source\": \"ratesci::pairbinci(contrast = 'RD', method_RD = 'Score'), R ", R.version$major, ".", R.version$minor,
    "\",\n  \"cases\": [\n    ", paste(unlist(cases), collapse = ",\n    "), "\n  ]\n}\n", sep = "")
