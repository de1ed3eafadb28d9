package uk.patrolcast.console.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Burglaries per LSOA and month (the actuals), as one float array per month. A correction simply
 * overwrites a count, so the month's total follows the topic's latest content.
 */
public final class MonthlyCounts {
  private final TreeMap<String, AreaValues> byMonth = new TreeMap<>();

  public void set(String month, int area, int count) {
    byMonth.computeIfAbsent(month, m -> new AreaValues(5000)).set(area, count);
  }

  /** The counts of a month, or null when the month is unknown. */
  public AreaValues month(String month) {
    return byMonth.get(month);
  }

  public List<String> months() {
    return new ArrayList<>(byMonth.keySet());
  }

  public String latestMonth() {
    return byMonth.isEmpty() ? null : byMonth.lastKey();
  }

  /** London total per month, in month order. */
  public Map<String, Double> totals() {
    Map<String, Double> out = new TreeMap<>();
    byMonth.forEach((m, v) -> out.put(m, v.sum()));
    return out;
  }

  /** One area's counts per month (NaN where missing), in {@link #months()} order. */
  public double[] history(int area) {
    double[] out = new double[byMonth.size()];
    int i = 0;
    for (AreaValues v : byMonth.values()) {
      out[i++] = v.get(area);
    }
    return out;
  }

  /**
   * Sum per area over the last {@code months} months that have data, and how many months that was
   * (for annual rates).
   */
  public Window window(int months, int areas) {
    double[] sums = new double[areas];
    int used = 0;
    for (AreaValues v : byMonth.descendingMap().values()) {
      if (used == months) {
        break;
      }
      for (int a = 0; a < areas; a++) {
        double c = v.get(a);
        if (!Double.isNaN(c)) {
          sums[a] += c;
        }
      }
      used++;
    }
    return new Window(sums, used);
  }

  /** Sums per area over {@code months} months. */
  public record Window(double[] sums, int months) {}

  /** Per-ward sums of one month's LSOA counts; {@code wardOf[area]} is the ward index or -1. */
  public static float[] byWard(AreaValues lsoaValues, int[] wardOf, int lsoas, int wards) {
    float[] out = new float[wards];
    boolean[] seen = new boolean[wards];
    for (int a = 0; a < lsoas && a < wardOf.length; a++) {
      int w = wardOf[a];
      double v = lsoaValues.get(a);
      if (w >= 0 && w < wards && !Double.isNaN(v)) {
        out[w] += (float) v;
        seen[w] = true;
      }
    }
    for (int w = 0; w < wards; w++) {
      if (!seen[w]) {
        out[w] = Float.NaN;
      }
    }
    return out;
  }
}
