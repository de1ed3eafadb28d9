package uk.patrolcast.forecast.features;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import uk.patrolcast.forecast.data.AreaProfiles;

/**
 * The feature vector of the one-step model: what is known at the end of origin month t about the
 * count of t+1. Every dynamic feature is computed here from a count series (observed counts, or
 * observed counts followed by predicted means when forecasting recursively), so training and
 * recursive forecasting use one definition. Only values at or before t are read: a feature never
 * sees data after its origin.
 *
 * <p>Names follow features.csv where the feature exists there (lags counted back from t+1: lag1 is
 * the count of t, lag12 the count of t-11; means end at t); the rest are added here.
 */
public final class ModelFeatures {
  /** Longest window any feature reads (mean36): origins need this many months for complete rows. */
  public static final int LONGEST_WINDOW = 60;
  /** Window of the prior mean (the offset). */
  public static final int PRIOR_WINDOW = 36;

  private static final List<String> DYNAMIC = List.of(
      "lag1", "lag2", "lag3", "lag6", "lag12",
      "mean3", "mean6", "mean12", "mean24", "mean36", "mean60", "trend3", "sameMonthMean3y",
      "nbrLag1", "nbrMean3", "nbrMean12", "nbrMean36",
      "londonMomentum", "londonSeason", "targetMonth");

  private final boolean withRisk;
  /** Per half-life, the weights of months t, t-1, ..., t-59 (summing to 1). */
  private final double[][] ewmaWeights;
  private final List<String> names;

  private ModelFeatures(boolean withRisk, List<Integer> ewmaHalfLives) {
    this.withRisk = withRisk;
    this.ewmaWeights = new double[ewmaHalfLives.size()][];
    List<String> n = new ArrayList<>(DYNAMIC);
    for (int k = 0; k < ewmaHalfLives.size(); k++) {
      int h = ewmaHalfLives.get(k);
      n.add("ewma" + h);
      ewmaWeights[k] = ewmaWeights(h);
    }
    n.addAll(AreaProfiles.STATIC_FEATURES);
    if (withRisk) {
      n.add("logRiskScore");
    }
    this.names = Collections.unmodifiableList(n);
  }

  /** The standard set; {@code withRisk} adds the static risk score fitted at each origin. */
  public static ModelFeatures of(boolean withRisk) {
    return new ModelFeatures(withRisk, List.of());
  }

  /**
   * The standard set with, after the other dynamic features, an exponentially weighted mean of the
   * area's own counts per half-life (months): a level estimate that weighs recent months more
   * without the fixed windows' cliff.
   */
  public static ModelFeatures of(boolean withRisk, List<Integer> ewmaHalfLives) {
    return new ModelFeatures(withRisk, ewmaHalfLives);
  }

  /** Weights of months t, t-1, ..., over the longest window, halving every {@code halfLife} months, summing to 1. */
  static double[] ewmaWeights(int halfLife) {
    double[] w = new double[LONGEST_WINDOW];
    double decay = Math.pow(0.5, 1.0 / halfLife);
    double sum = 0;
    for (int k = 0; k < w.length; k++) {
      w[k] = Math.pow(decay, k);
      sum += w[k];
    }
    for (int k = 0; k < w.length; k++) {
      w[k] /= sum;
    }
    return w;
  }

  public boolean withRisk() {
    return withRisk;
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  /**
   * Writes one row per area for origin index {@code t} into {@code out} starting at row
   * {@code firstRow}.
   *
   * @param series counts (or predicted means) per area and month, {@code [area][month]}; only
   *     months {@code <= t} are read
   * @param t origin index in {@code series}
   * @param originMonth calendar month of index t
   * @param logRisk static risk per area fitted on counts up to t (required when
   *     {@link #withRisk()}), else null
   */
  public void fill(double[][] series, int t, YearMonth originMonth, AreaProfiles areas, double[] logRisk, float[] out, int firstRow) {
    int n = areas.size();
    int width = size();
    double[] lag1 = new double[n];
    double[] mean3 = new double[n];
    double[] mean12 = new double[n];
    double[] mean36 = new double[n];
    double londonNow3 = 0;
    double londonNow36 = 0;
    double londonSame = 0;
    boolean sameAvailable = t - 35 >= 0;
    for (int i = 0; i < n; i++) {
      double[] s = series[i];
      lag1[i] = s[t];
      mean3[i] = mean(s, t, 3);
      mean12[i] = mean(s, t, 12);
      mean36[i] = mean(s, t, 36);
      londonNow3 += mean3[i];
      londonNow36 += mean36[i];
      if (sameAvailable) {
        londonSame += (s[t - 11] + s[t - 23] + s[t - 35]) / 3.0;
      }
    }
    double momentum = londonNow3 / londonNow36;
    double season = sameAvailable ? londonSame / londonNow36 : Double.NaN;
    int targetMonth = originMonth.plusMonths(1).getMonthValue();
    for (int i = 0; i < n; i++) {
      double[] s = series[i];
      int o = (firstRow + i) * width;
      out[o++] = (float) lag1[i];
      out[o++] = (float) at(s, t - 1);
      out[o++] = (float) at(s, t - 2);
      out[o++] = (float) at(s, t - 5);
      out[o++] = (float) at(s, t - 11);
      out[o++] = (float) mean3[i];
      out[o++] = (float) mean(s, t, 6);
      out[o++] = (float) mean12[i];
      out[o++] = (float) mean(s, t, 24);
      out[o++] = (float) mean36[i];
      out[o++] = (float) mean(s, t, 60);
      out[o++] = (float) (mean3[i] - mean(s, t - 3, 3));
      out[o++] = (float) (sameAvailable ? (s[t - 11] + s[t - 23] + s[t - 35]) / 3.0 : Double.NaN);
      int[] nb = areas.neighbours(i);
      out[o++] = (float) neighbourMean(nb, lag1);
      out[o++] = (float) neighbourMean(nb, mean3);
      out[o++] = (float) neighbourMean(nb, mean12);
      out[o++] = (float) neighbourMean(nb, mean36);
      out[o++] = (float) momentum;
      out[o++] = (float) season;
      out[o++] = targetMonth;
      for (double[] w : ewmaWeights) {
        out[o++] = (float) weightedMean(s, t, w);
      }
      for (int f = 0; f < AreaProfiles.STATIC_FEATURES.size(); f++) {
        out[o++] = (float) areas.staticValue(i, f);
      }
      if (withRisk) {
        out[o] = (float) logRisk[i];
      }
    }
  }

  /**
   * The prior mean of t+1 used as the offset of offset models: the mean over the last 36 months
   * (fewer when the history is shorter), never below {@code floor}.
   */
  public static double prior(double[] series, int t, double floor) {
    int from = Math.max(0, t - PRIOR_WINDOW + 1);
    double s = 0;
    for (int m = from; m <= t; m++) {
      s += series[m];
    }
    return Math.max(floor, s / (t - from + 1));
  }

  private static double at(double[] s, int m) {
    return m >= 0 ? s[m] : Double.NaN;
  }

  /** Mean over {@code t-n+1..t}; NaN when the window reaches before the series. */
  static double mean(double[] s, int t, int n) {
    if (t - n + 1 < 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int m = t - n + 1; m <= t; m++) {
      sum += s[m];
    }
    return sum / n;
  }

  /** {@code sum_k w[k] * s[t-k]}; NaN when the window reaches before the series. */
  static double weightedMean(double[] s, int t, double[] w) {
    if (t - w.length + 1 < 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int k = 0; k < w.length; k++) {
      sum += w[k] * s[t - k];
    }
    return sum;
  }

  private static double neighbourMean(int[] nb, double[] values) {
    if (nb.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int j : nb) {
      s += values[j];
    }
    return s / nb.length;
  }
}
