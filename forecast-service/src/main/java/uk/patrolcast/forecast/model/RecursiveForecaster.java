package uk.patrolcast.forecast.model;

import java.time.YearMonth;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.features.ModelFeatures;
import uk.patrolcast.forecast.features.PointInTimeRisk;
import uk.patrolcast.forecast.features.TrainingRows;

/**
 * Forecasts horizons 1..H from the last month of a table with the one-step model applied
 * recursively: the expected counts predicted for t+1 take the place of the unseen counts when the
 * features of origin t+1 (lags, means, neighbour and London-wide features) are built for t+2, and
 * so on. The table passed in ends at the origin: nothing later is reachable.
 */
public final class RecursiveForecaster {
  private RecursiveForecaster() {}

  /**
   * Means per horizon and area, plus the horizon-1 feature rows (for drivers).
   *
   * @param means {@code [h-1][area]}
   */
  public record Paths(YearMonth origin, double[][] means, float[] firstRows, float[] firstPriors) {
    public int horizons() {
      return means.length;
    }
  }

  public static Paths forecast(CountModel model, FeatureTable table, int horizons, PointInTimeRisk risk) {
    AreaProfiles areas = table.areas();
    ModelFeatures features = model.features();
    int n = areas.size();
    int t = table.counts().months() - 1;
    YearMonth origin = table.lastMonth();
    int from = Math.max(0, t - ModelFeatures.LONGEST_WINDOW + 1);
    int observed = t - from + 1;
    double[][] series = new double[n][observed + horizons];
    for (int m = 0; m < observed; m++) {
      for (int i = 0; i < n; i++) {
        series[i][m] = table.counts().count(from + m, i);
      }
    }
    double[] logRisk = features.withRisk() ? risk.at(origin) : null;
    double[][] means = new double[horizons][];
    float[] rows = new float[n * features.size()];
    float[] priors = new float[n];
    float[] firstRows = null;
    float[] firstPriors = null;
    for (int h = 1; h <= horizons; h++) {
      int local = observed - 1 + h - 1;
      features.fill(series, local, origin.plusMonths(h - 1L), areas, logRisk, rows, 0);
      for (int i = 0; i < n; i++) {
        priors[i] = (float) ModelFeatures.prior(series[i], local, TrainingRows.PRIOR_FLOOR);
      }
      double[] mu = model.predict(rows, priors, n);
      for (int i = 0; i < n; i++) {
        series[i][local + 1] = mu[i];
      }
      means[h - 1] = mu;
      if (h == 1) {
        firstRows = rows.clone();
        firstPriors = priors.clone();
      }
    }
    return new Paths(origin, means, firstRows, firstPriors);
  }
}
