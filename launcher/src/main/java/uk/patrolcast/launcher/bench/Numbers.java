package uk.patrolcast.launcher.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number text for the generated files. */
final class Numbers {
  private Numbers() {}

  /** Fixed decimals, e.g. {@code fixed(0.12984, 4)} is "0.1298". */
  static String fixed(double v, int decimals) {
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Up to {@code decimals}, without trailing zeros, at least one digit after the point ("3726.117", "0.0"). */
  static String trimmed(double v, int decimals) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    String s = d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
    return s.equals("-0.0") ? "0.0" : s;
  }

  /** Shortest round-trip text, never in exponent form ("0.1298653144352724", "1.0"), as Python and pandas write floats. */
  static String plain(double v) {
    String s = BigDecimal.valueOf(v).toPlainString();
    return s.indexOf('.') < 0 ? s + ".0" : s;
  }

  /** WGS84 coordinate with exactly six decimals, as police.uk writes them ("-0.097290"). */
  static String coordinate(double v) {
    StringBuilder b = new StringBuilder(12);
    appendMicros(b, v, false);
    return b.toString();
  }

  /**
   * Appends a value rounded to six decimals: all six ({@code trim} false, "-0.097290") or without
   * trailing zeros but at least one decimal ({@code trim} true, "-0.09729", "51.0"). Fast: no
   * BigDecimal, for the millions of coordinates of the boundary files.
   */
  static void appendMicros(StringBuilder b, double v, boolean trim) {
    long m = Math.round(v * 1e6);
    if (m < 0) {
      b.append('-');
      m = -m;
    }
    b.append(m / 1_000_000).append('.');
    long fraction = m % 1_000_000;
    int digits = 6;
    if (trim) {
      while (digits > 1 && fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
    }
    String f = Long.toString(fraction);
    for (int i = f.length(); i < digits; i++) {
      b.append('0');
    }
    b.append(f);
  }
}
