package dev.flipgate.io;

import java.util.OptionalDouble;

/**
 * Numbers as a CSV file's author means them: an optional sign, digits with an optional decimal
 * point, and an optional exponent ({@code 12}, {@code -0.5}, {@code .25}, {@code 1e-3},
 * {@code 6.02E+23}); and the words NaN and Infinity, so that they can be refused as non-finite
 * with the example they belong to. Nothing that only Java reads as a number —
 * {@code 0x1p3}, {@code 1d}, {@code 2f} — and nothing language-specific ({@code 1,5},
 * {@code 1 000}): {@link Double#parseDouble} accepts the first kind and would silently turn
 * typos into values.
 */
public final class CsvNumbers {
  private CsvNumbers() {}

  /** The number {@code text} writes, or empty when it is not a number in that form. */
  public static OptionalDouble parse(String text) {
    if (text == null || !isNumeral(text)) {
      return special(text);
    }
    double plain = plainDecimal(text);
    return OptionalDouble.of(Double.isNaN(plain) ? Double.parseDouble(text) : plain);
  }

  private static final double[] POWERS_OF_TEN = java.util.stream.IntStream.rangeClosed(0, 22)
      .mapToDouble(k -> Double.parseDouble("1e" + k)).toArray();

  /**
   * A numeral of at most 15 digits without exponent (scores as files usually write them, e.g.
   * 0.03125), as Double.parseDouble reads it but several times faster: its digits m and 10^k are
   * both exact doubles, and IEEE division rounds m / 10^k correctly, as parseDouble rounds the
   * decimal. NaN when the numeral is not of that form.
   */
  private static double plainDecimal(String text) {
    int i = 0;
    boolean negative = text.charAt(0) == '-';
    if (negative || text.charAt(0) == '+') {
      i++;
    }
    long digits = 0;
    int count = 0;
    int fraction = -1;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        fraction = 0;
      } else if (isDigit(c) && count < 15) {
        digits = digits * 10 + (c - '0');
        count++;
        if (fraction >= 0) {
          fraction++;
        }
      } else {
        return Double.NaN;
      }
    }
    double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
    return negative ? -value : value;
  }

  /** Whether {@code text} is a finite number in the form {@link #parse} accepts (NaN and Infinity are not). */
  public static boolean isFinite(String text) {
    return text != null && isNumeral(text) && Double.isFinite(Double.parseDouble(text));
  }

  /** Whether {@code text} is a decimal numeral, with an optional exponent, and nothing else. */
  public static boolean isNumeral(String text) {
    int i = 0;
    int length = text.length();
    if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == length;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static OptionalDouble special(String text) {
    if (text == null) {
      return OptionalDouble.empty();
    }
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "nan", "+nan", "-nan" -> OptionalDouble.of(Double.NaN);
      case "inf", "+inf", "infinity", "+infinity" -> OptionalDouble.of(Double.POSITIVE_INFINITY);
      case "-inf", "-infinity" -> OptionalDouble.of(Double.NEGATIVE_INFINITY);
      default -> OptionalDouble.empty();
    };
  }
}
