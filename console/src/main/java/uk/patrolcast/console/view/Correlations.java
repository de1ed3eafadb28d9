package uk.patrolcast.console.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Correlation of burglary with the IoD 2019 domains and the Census 2021 shares across LSOAs: Pearson
 * on the values, and Spearman (Pearson on ranks, ties averaged) which is robust to the long tail of
 * burglary rates. Pairs where either side is unknown are left out.
 */
public final class Correlations {
  private Correlations() {}

  /** One explanatory variable's correlation with the burglary rate. */
  public record Row(String group, String variable, double pearson, double spearman, int n) {}

  /** Pearson's r over the pairs where both values are known; NaN with fewer than 3 pairs or no spread. */
  public static double pearson(double[] x, double[] y) {
    double[][] p = pairs(x, y);
    return pearsonOfComplete(p[0], p[1]);
  }

  /** Spearman's rho over the pairs where both values are known. */
  public static double spearman(double[] x, double[] y) {
    double[][] p = pairs(x, y);
    return pearsonOfComplete(ranks(p[0]), ranks(p[1]));
  }

  /** Pairs where both are known. */
  public static int count(double[] x, double[] y) {
    return pairs(x, y)[0].length;
  }

  /**
   * The table: every IoD domain and Census share of {@code profiles} against {@code rate}, both in
   * area order; rows sorted by absolute Spearman, strongest first.
   */
  public static List<Row> table(List<AreaProfile> profiles, double[] rate) {
    List<Row> rows = new ArrayList<>();
    for (int v = 0; v < AreaProfile.IOD.size(); v++) {
      rows.add(row("IoD 2019", AreaProfile.IOD.get(v), column(profiles, true, v), rate));
    }
    for (int v = 0; v < AreaProfile.CENSUS.size(); v++) {
      rows.add(row("Census 2021", AreaProfile.CENSUS.get(v), column(profiles, false, v), rate));
    }
    rows.sort(Comparator.comparingDouble((Row r) -> Double.isNaN(r.spearman()) ? 0 : -Math.abs(r.spearman())));
    return rows;
  }

  /** Values of one variable in area order (NaN where the profile is missing). */
  public static double[] column(List<AreaProfile> profiles, boolean iod, int variable) {
    double[] out = new double[profiles.size()];
    for (int a = 0; a < out.length; a++) {
      AreaProfile p = profiles.get(a);
      out[a] = p == null ? Double.NaN : (iod ? p.iod() : p.census())[variable];
    }
    return out;
  }

  private static Row row(String group, String name, double[] x, double[] y) {
    return new Row(group, name, pearson(x, y), spearman(x, y), count(x, y));
  }

  private static double[][] pairs(double[] x, double[] y) {
    int n = Math.min(x.length, y.length);
    double[] a = new double[n];
    double[] b = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        a[k] = x[i];
        b[k] = y[i];
        k++;
      }
    }
    return new double[][] {Arrays.copyOf(a, k), Arrays.copyOf(b, k)};
  }

  private static double pearsonOfComplete(double[] x, double[] y) {
    int n = x.length;
    if (n < 3) {
      return Double.NaN;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** Ranks from 1, ties given the mean of the ranks they span. */
  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double mean = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = mean;
      }
      i = j + 1;
    }
    return r;
  }
}
