package uk.patrolcast.platform.config;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Months as police.uk writes them ({@code YYYY-MM}): parsing with clear errors, and ranges. */
public final class Months {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

  private Months() {}

  /** Parses {@code YYYY-MM}; the error names the value and the expected form. */
  public static YearMonth parse(String text) {
    if (text == null || !text.matches("\\d{4}-\\d{2}")) {
      throw new IllegalArgumentException("'" + text + "' is not a month: expected YYYY-MM, e.g. 2023-02");
    }
    try {
      return YearMonth.parse(text, FORMAT);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a month: expected YYYY-MM with MM from 01 to 12");
    }
  }

  public static String format(YearMonth month) {
    return month.format(FORMAT);
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
