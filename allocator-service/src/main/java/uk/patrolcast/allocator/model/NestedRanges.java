package uk.patrolcast.allocator.model;

/**
 * The totals each constraint set can reach given per-LSOA bounds: for the laminar family LSOA in ward
 * in borough in London, a set can take any whole number of blocks from L(S) = max(floor(S), sum of
 * its children's L) to U(S) = min(cap(S), sum of its children's U), and the whole model is feasible
 * exactly when L(S) &lt;= U(S) for every set. All numbers are in blocks.
 */
public final class NestedRanges {
  private final long[] wardLow;
  private final long[] wardHigh;
  private final long[] wardMinSum;
  private final long[] wardMaxSum;
  private final long[] boroughLow;
  private final long[] boroughHigh;
  private final long totalLow;
  private final long totalHigh;
  private final long minSum;

  /** Ranges with the bounds {@code lower[i] <= n_i <= upper[i]}. */
  public NestedRanges(MonthProblem p, int[] lower, int[] upper) {
    int wards = p.wards();
    wardLow = new long[wards];
    wardHigh = new long[wards];
    wardMinSum = new long[wards];
    wardMaxSum = new long[wards];
    long sum = 0;
    for (int i = 0; i < p.size(); i++) {
      wardMinSum[p.wardOf(i)] += lower[i];
      wardMaxSum[p.wardOf(i)] += upper[i];
      sum += lower[i];
    }
    minSum = sum;
    boroughLow = new long[p.boroughs()];
    long[] boroughUpperSum = new long[p.boroughs()];
    for (int w = 0; w < wards; w++) {
      wardLow[w] = Math.max(p.wardFloor(w), wardMinSum[w]);
      wardHigh[w] = Math.min(p.wardCap(w), wardMaxSum[w]);
      boroughLow[p.boroughOfWard(w)] += wardLow[w];
      boroughUpperSum[p.boroughOfWard(w)] += wardHigh[w];
    }
    boroughHigh = new long[p.boroughs()];
    long low = 0;
    long high = 0;
    for (int b = 0; b < p.boroughs(); b++) {
      boroughHigh[b] = Math.min(p.boroughCap(b), boroughUpperSum[b]);
      low += boroughLow[b];
      high += boroughHigh[b];
    }
    totalLow = low;
    totalHigh = Math.min(p.totalCap(), high);
  }

  /** Least blocks the ward can take: its floor or the sum of its LSOAs' lower bounds. */
  public long wardLow(int w) {
    return wardLow[w];
  }

  /** Most blocks the ward can take: its cap or the sum of its LSOAs' upper bounds. */
  public long wardHigh(int w) {
    return wardHigh[w];
  }

  /** Sum of the ward's LSOA lower bounds. */
  public long wardMinSum(int w) {
    return wardMinSum[w];
  }

  /** Sum of the ward's LSOA upper bounds. */
  public long wardMaxSum(int w) {
    return wardMaxSum[w];
  }

  public long boroughLow(int b) {
    return boroughLow[b];
  }

  public long boroughHigh(int b) {
    return boroughHigh[b];
  }

  /** Least blocks London needs: every ward's low. */
  public long totalLow() {
    return totalLow;
  }

  /** Most blocks London can take: the London cap or every borough's high. */
  public long totalHigh() {
    return totalHigh;
  }

  /** Sum of every LSOA's lower bound. */
  public long minSum() {
    return minSum;
  }
}
