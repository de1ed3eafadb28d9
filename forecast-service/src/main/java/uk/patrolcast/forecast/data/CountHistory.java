package uk.patrolcast.forecast.data;

import java.time.YearMonth;
import java.util.Arrays;
import uk.patrolcast.platform.config.Months;

/**
 * Monthly burglary counts of every area over consecutive months, compact ({@code int[month][area]}).
 * Month index 0 is {@link #firstMonth()}. Immutable: {@link #upTo} gives a shorter history, which is
 * how training and forecasting are kept from seeing months after their cut-off.
 */
public final class CountHistory {
  private final YearMonth first;
  private final int[][] counts;

  public CountHistory(YearMonth first, int[][] counts) {
    this.first = first;
    this.counts = counts;
    for (int[] m : counts) {
      if (m.length != counts[0].length) {
        throw new IllegalArgumentException("Every month must hold a count for every area");
      }
    }
  }

  public YearMonth firstMonth() {
    return first;
  }

  /** Last month held, or the month before the first when empty. */
  public YearMonth lastMonth() {
    return first.plusMonths(counts.length - 1L);
  }

  public int months() {
    return counts.length;
  }

  public YearMonth month(int index) {
    return first.plusMonths(index);
  }

  /** Index of a month (may be negative or beyond the end when the month is not held). */
  public int indexOf(YearMonth month) {
    return Months.between(first, month);
  }

  public boolean holds(YearMonth month) {
    int m = indexOf(month);
    return m >= 0 && m < counts.length;
  }

  public int count(int month, int area) {
    return counts[month][area];
  }

  /** A copy of one month's counts. */
  public int[] monthCounts(int month) {
    return counts[month].clone();
  }

  public long total(int month) {
    long s = 0;
    for (int c : counts[month]) {
      s += c;
    }
    return s;
  }

  /** The history up to and including {@code last} (shares the arrays: they are never written). */
  public CountHistory upTo(YearMonth last) {
    int n = indexOf(last) + 1;
    if (n > counts.length) {
      throw new IllegalArgumentException("History ends at " + Months.format(lastMonth()) + ", cannot extend to " + Months.format(last));
    }
    if (n <= 0) {
      throw new IllegalArgumentException(Months.format(last) + " is before the first month " + Months.format(first));
    }
    return new CountHistory(first, Arrays.copyOf(counts, n));
  }

  /** The counts as doubles, {@code [area][month]}, for feature arithmetic. */
  public double[][] byArea() {
    int areas = counts.length == 0 ? 0 : counts[0].length;
    double[][] out = new double[areas][counts.length];
    for (int m = 0; m < counts.length; m++) {
      int[] row = counts[m];
      for (int i = 0; i < areas; i++) {
        out[i][m] = row[i];
      }
    }
    return out;
  }
}
