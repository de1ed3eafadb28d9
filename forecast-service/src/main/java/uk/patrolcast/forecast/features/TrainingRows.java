package uk.patrolcast.forecast.features;

import java.time.YearMonth;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;

/**
 * Rows of the one-step model for a range of origins: features of every area at origin t (from
 * counts up to t), the count of t+1 as label, and the offset (the area's prior mean). Dense,
 * row-major floats: what XGBoost takes.
 *
 * @param labels count of t+1 per row, or null when the targets are not known (forecasting)
 * @param priors the area's mean over the last 36 months as of t (the offset), per row
 * @param originIndex origin month index (in the table) of each row block: rows {@code k·areas ..
 *     (k+1)·areas-1} belong to {@code originIndex[k]}
 */
public record TrainingRows(float[] features, float[] labels, float[] priors, int areas, int width, int[] originIndex) {

  /** Prior means are floored here: the log offset of an area with no burglary in 3 years stays finite. */
  public static final double PRIOR_FLOOR = 0.02;

  public int rows() {
    return originIndex.length * areas;
  }

  /**
   * Rows for origins {@code first..last} of {@code table}, labelled with the counts of the month
   * after each origin. The label month must be in the table; features read only months up to their
   * origin.
   */
  public static TrainingRows build(FeatureTable table, ModelFeatures features, YearMonth first, YearMonth last, PointInTimeRisk risk) {
    int a = table.counts().indexOf(first);
    int b = table.counts().indexOf(last);
    if (a < 0 || b + 1 >= table.counts().months() || a > b) {
      throw new IllegalArgumentException("Origins " + first + ".." + last + " need labels inside " + table);
    }
    double[][] series = table.counts().byArea();
    AreaProfiles areas = table.areas();
    int n = areas.size();
    int blocks = b - a + 1;
    float[] x = new float[blocks * n * features.size()];
    float[] y = new float[blocks * n];
    float[] prior = new float[blocks * n];
    int[] origins = new int[blocks];
    for (int k = 0; k < blocks; k++) {
      int t = a + k;
      origins[k] = t;
      YearMonth month = table.counts().month(t);
      double[] risk0 = features.withRisk() ? risk.at(month) : null;
      features.fill(series, t, month, areas, risk0, x, k * n);
      for (int i = 0; i < n; i++) {
        y[k * n + i] = table.counts().count(t + 1, i);
        prior[k * n + i] = (float) ModelFeatures.prior(series[i], t, PRIOR_FLOOR);
      }
    }
    return new TrainingRows(x, y, prior, n, features.size(), origins);
  }
}
