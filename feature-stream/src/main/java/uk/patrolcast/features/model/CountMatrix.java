package uk.patrolcast.features.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The counts of every (LSOA, month) cell seen so far, dense per area, and the per-month totals
 * (records and hash sums) derived from those same cells: "the month's totals match" and "the cells
 * are final" can never disagree. About 5,000 areas × 170 months: a few MB.
 */
public final class CountMatrix {
  private static final int SLACK = 12;

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> codes = new ArrayList<>();
  private final List<int[]> counts = new ArrayList<>();
  private final List<long[]> hashes = new ArrayList<>();
  /** Per column: the month's live records and hash sum (looked up for every cell the builder applies). */
  private long[] totalCounts = new long[0];
  private long[] totalHashes = new long[0];
  private int origin;
  private int width;

  /** The cell's value (zero when never seen). */
  public CellCount get(String lsoa, YearMonth month) {
    Integer row = index.get(lsoa);
    int column = MonthAxis.epoch(month) - origin;
    if (row == null || column < 0 || column >= width) {
      return CellCount.ZERO;
    }
    return new CellCount(counts.get(row)[column], hashes.get(row)[column]);
  }

  /** Sets a cell and moves its month's totals by the difference; returns the previous value. */
  public CellCount put(String lsoa, YearMonth month, CellCount value) {
    int epoch = MonthAxis.epoch(month);
    cover(epoch);
    int row = index.computeIfAbsent(lsoa, this::addRow);
    int column = epoch - origin;
    CellCount old = new CellCount(counts.get(row)[column], hashes.get(row)[column]);
    counts.get(row)[column] = value.count();
    hashes.get(row)[column] = value.hashSum();
    totalCounts[column] += value.count() - old.count();
    totalHashes[column] += value.hashSum() - old.hashSum();
    return old;
  }

  /** Live records of a month and the wrapping sum of their content hashes. */
  public CellCount totals(YearMonth month) {
    int column = MonthAxis.epoch(month) - origin;
    return column < 0 || column >= width ? CellCount.ZERO : new CellCount((int) totalCounts[column], totalHashes[column]);
  }

  /** Records of a month in areas that {@code known} does not accept (e.g. outside the universe). */
  public int countOutside(YearMonth month, Predicate<String> known) {
    int column = MonthAxis.epoch(month) - origin;
    if (column < 0 || column >= width) {
      return 0;
    }
    int sum = 0;
    for (int row = 0; row < codes.size(); row++) {
      if (!known.test(codes.get(row))) {
        sum += counts.get(row)[column];
      }
    }
    return sum;
  }

  /** An area's counts on an axis (zeros for months never seen). */
  public MonthlySeries series(String lsoa, MonthAxis axis) {
    return series(row(lsoa), axis);
  }

  /** The row of an area's counts, or -1 when no cell of it was ever set. An area keeps its row for good. */
  public int row(String lsoa) {
    Integer row = index.get(lsoa);
    return row == null ? -1 : row;
  }

  /** Number of rows: grows by one when a cell of a new area is first set. */
  public int rows() {
    return codes.size();
  }

  /** The counts of the area in {@code row} ({@link #row}) on an axis; zeros for row -1. */
  public MonthlySeries series(int row, MonthAxis axis) {
    if (row < 0) {
      return i -> 0;
    }
    int[] values = counts.get(row);
    int shift = MonthAxis.epoch(axis.first()) - origin;
    return i -> {
      int column = i + shift;
      return column < 0 || column >= values.length ? 0 : values[column];
    };
  }

  private int addRow(String lsoa) {
    codes.add(lsoa);
    counts.add(new int[width]);
    hashes.add(new long[width]);
    return codes.size() - 1;
  }

  /** Widens every row so that {@code epoch} has a column (rare: a month outside the range so far). */
  private void cover(int epoch) {
    if (width > 0 && epoch >= origin && epoch < origin + width) {
      return;
    }
    int newOrigin = width == 0 ? epoch : Math.min(origin, epoch);
    int newEnd = width == 0 ? epoch + SLACK : Math.max(origin + width, epoch + SLACK);
    int newWidth = newEnd - newOrigin;
    int shift = width == 0 ? 0 : origin - newOrigin;
    for (int row = 0; row < codes.size(); row++) {
      int[] c = new int[newWidth];
      long[] h = new long[newWidth];
      System.arraycopy(counts.get(row), 0, c, shift, width);
      System.arraycopy(hashes.get(row), 0, h, shift, width);
      counts.set(row, c);
      hashes.set(row, h);
    }
    long[] tc = new long[newWidth];
    long[] th = new long[newWidth];
    System.arraycopy(totalCounts, 0, tc, shift, width);
    System.arraycopy(totalHashes, 0, th, shift, width);
    totalCounts = tc;
    totalHashes = th;
    origin = newOrigin;
    width = newWidth;
  }
}
