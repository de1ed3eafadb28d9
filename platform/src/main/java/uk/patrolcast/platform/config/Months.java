package uk.patrolcast.platform.config;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Months as police.uk writes them ({@code YYYY-MM}): parsing with clear errors, and ranges. */
public final class Months {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

  private Months() {}

  /** Parses {@code YYYY-MM}; the error names the value and the expected form. */
  public static YearMonth parse(String text) {
    if (!shaped(text)) {
      throw new IllegalArgumentException("'" + text + "' is not a month: expected YYYY-MM, e.g. 2023-02");
    }
    int month = monthOf(text);
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("'" + text + "' is not a month: expected YYYY-MM with MM from 01 to 12");
    }
    int year = ((text.charAt(0) - '0') * 10 + (text.charAt(1) - '0')) * 100 + (text.charAt(2) - '0') * 10 + (text.charAt(3) - '0');
    return YearMonth.of(year, month);
  }

  /**
   * Whether {@code text} is {@code YYYY-MM} with MM from 01 to 12. Read by hand, here and in
   * {@link #parse}: months are checked for every record and parsed and formatted for every feature
   * row, where a regular expression and a DateTimeFormatter cost more than the work around them.
   */
  public static boolean isMonth(String text) {
    if (!shaped(text)) {
      return false;
    }
    int month = monthOf(text);
    return month >= 1 && month <= 12;
  }

  private static boolean shaped(String text) {
    return text != null && text.length() == 7 && text.charAt(4) == '-' && digits(text, 0, 4) && digits(text, 5, 7);
  }

  private static int monthOf(String text) {
    return (text.charAt(5) - '0') * 10 + (text.charAt(6) - '0');
  }

  /** {@code YYYY-MM} (years outside 0-9999 as {@link DateTimeFormatter} writes {@code uuuu-MM}). */
  public static String format(YearMonth month) {
    int year = month.getYear();
    if (year < 0 || year > 9999) {
      return month.format(FORMAT);
    }
    int m = month.getMonthValue();
    byte[] b = {
        (byte) ('0' + year / 1000), (byte) ('0' + year / 100 % 10), (byte) ('0' + year / 10 % 10), (byte) ('0' + year % 10),
        '-', (byte) ('0' + m / 10), (byte) ('0' + m % 10)};
    return new String(b, StandardCharsets.US_ASCII);
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Months from {@code first} to {@code last}, both included. */
  public static List<YearMonth> range(YearMonth first, YearMonth last) {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /** Whole months from {@code a} to {@code b} (negative when b is earlier). */
  public static int between(YearMonth a, YearMonth b) {
    return (b.getYear() - a.getYear()) * 12 + b.getMonthValue() - a.getMonthValue();
  }
}
