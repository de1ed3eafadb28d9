package uk.patrolcast.features.model;

import java.time.YearMonth;

/**
 * Months as consecutive integers: {@link #epoch(YearMonth)} numbers every month (year × 12 + month − 1),
 * and an axis numbers the months of the data from its first month (index 0) so that lags are
 * plain subtractions.
 */
public record MonthAxis(YearMonth first) {

  public static int epoch(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  public static YearMonth fromEpoch(int epoch) {
    return YearMonth.of(Math.floorDiv(epoch, 12), Math.floorMod(epoch, 12) + 1);
  }

  /** Index of {@code month} on this axis: 0 for the first month, negative before it. */
  public int index(YearMonth month) {
    return epoch(month) - epoch(first);
  }

  public YearMonth month(int index) {
    return first.plusMonths(index);
  }
}
