package uk.patrolcast.ingest.rows;

/**
 * Plain decimal numbers as police.uk writes coordinates ({@code -0.123456}): an optional sign, digits
 * and at most one point; no exponent, no {@code NaN}, no hexadecimal or type suffix, which
 * {@link Double#parseDouble} would also take. The usual case, digits that make an integer below 2^53
 * and at most 22 decimals, is one division of two exactly representable numbers, which IEEE rounds
 * to the double nearest the decimal, as {@code Double.parseDouble} does, at a fraction of its cost
 * (Clinger's fast path); anything else goes to {@code Double.parseDouble}.
 */
public final class PlainDecimal {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private static final long EXACT_LIMIT = 1L << 53;

  private PlainDecimal() {}

  /** The value, or NaN when the text is not a plain decimal number. */
  public static double parse(String text) {
    int n = text.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    long mantissa = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < n; i++) {
      char ch = text.charAt(i);
      if (ch >= '0' && ch <= '9') {
        if (digits < 18) {
          mantissa = mantissa * 10 + (ch - '0');
        }
        digits++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (ch == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return slow(text);
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    int scale = Math.max(decimals, 0);
    if (digits > 18 || mantissa >= EXACT_LIMIT || scale >= POWERS_OF_TEN.length) {
      return slow(text);
    }
    double v = mantissa / POWERS_OF_TEN[scale];
    return negative ? -v : v;
  }

  /** Any other arrangement of digits, points and signs: what Double.parseDouble makes of it, if anything. */
  private static double slow(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '+')) {
        return Double.NaN;
      }
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
