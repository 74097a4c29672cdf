package dev.flipgate.io;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** CsvNumbers reads every decimal numeral to the same double, bit for bit, as Double.parseDouble. */
class CsvNumbersProperties {

  @Property(tries = 5000)
  void aNumeralReadsAsParseDoubleReadsIt(@ForAll("numerals") String numeral) {
    assertThat(Double.doubleToRawLongBits(CsvNumbers.parse(numeral).orElseThrow()))
        .as(numeral).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(numeral)));
  }

  /** Signs, leading zeros, 0–20 digits either side of the point (past the 15 of the fast path), exponents. */
  @Provide
  Arbitrary<String> numerals() {
    Arbitrary<String> sign = Arbitraries.of("", "-", "+");
    Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(20);
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(20);
    Arbitrary<String> exponent = Arbitraries.of("", "", "", "e5", "E-3", "e+0", "e-320");
    Arbitrary<Boolean> point = Arbitraries.of(true, false);
    return Combinators.combine(sign, whole, point, fraction, exponent)
        .as((s, w, p, f, e) -> s + (w.isEmpty() && (f.isEmpty() || !p) ? "0" : w) + (p ? "." + f : "") + e);
  }
}
