package uk.patrolcast.allocator.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Hours as messages and files print them: "154,814 h", "30.5 h"; at most two decimals. */
public final class HourFormat {
  private HourFormat() {}

  /** With thousands separators, for people: 143,220 or 30.5. */
  public static String grouped(double value) {
    DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f.format(value);
  }

  /** {@code grouped(value) + " h"}. */
  public static String hours(double value) {
    return grouped(value) + " h";
  }

  /** Plain and exact enough for files: at most {@code decimals} places, trailing zeros dropped, no grouping. */
  public static String plain(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "";
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
