package uk.patrolcast.forecast.eval;

import java.util.List;

/**
 * Accuracy of count forecasts. Pooled over every area-month: MAE, RMSE, R² (1 - SSE/SST around the
 * mean actual), mean Poisson deviance, bias (mean of predicted minus actual) and the 80% interval
 * coverage. Per target month, then averaged over months: the hit rate of the top 1% and 5% of areas
 * ({@link HitRate}) and the PAI (hit rate divided by the share of areas).
 */
public final class Metrics {
  /**
   * Predictions below this are raised to it for the deviance only: a zero mean makes the Poisson
   * deviance of any burglary infinite (the last-month baseline predicts zero for most areas).
   */
  public static final double DEVIANCE_FLOOR = 0.05;

  private Metrics() {}

  public static MetricValues compute(String method, Integer horizon, String originMonth, List<MonthScores> months) {
    long n = 0;
    double absSum = 0;
    double sqSum = 0;
    double devSum = 0;
    double biasSum = 0;
    double actualSum = 0;
    double actualSq = 0;
    long covered = 0;
    boolean intervals = !months.isEmpty() && months.get(0).lower() != null;
    double hit1 = 0;
    double hit5 = 0;
    for (MonthScores m : months) {
      double[] p = m.predicted();
      int[] y = m.actual();
      for (int i = 0; i < p.length; i++) {
        double e = p[i] - y[i];
        absSum += Math.abs(e);
        sqSum += e * e;
        biasSum += e;
        devSum += poissonDeviance(y[i], p[i]);
        actualSum += y[i];
        actualSq += (double) y[i] * y[i];
        if (intervals && y[i] >= m.lower()[i] && y[i] <= m.upper()[i]) {
          covered++;
        }
      }
      n += p.length;
      hit1 += HitRate.of(p, y, 0.01);
      hit5 += HitRate.of(p, y, 0.05);
    }
    if (n == 0) {
      throw new IllegalArgumentException("No forecasts to score for " + method);
    }
    double mean = actualSum / n;
    double sst = actualSq - n * mean * mean;
    int k = months.size();
    return new MetricValues(method, horizon, originMonth, (int) n,
        absSum / n, Math.sqrt(sqSum / n), sst > 0 ? 1 - sqSum / sst : Double.NaN, devSum / n, biasSum / n,
        hit1 / k, hit1 / k / 0.01, hit5 / k, hit5 / k / 0.05, intervals ? (double) covered / n : null);
  }

  /** Unit Poisson deviance 2(y ln(y/mu) - (y - mu)), with mu floored at {@link #DEVIANCE_FLOOR}. */
  public static double poissonDeviance(double y, double mu) {
    double m = Math.max(mu, DEVIANCE_FLOOR);
    return 2 * ((y > 0 ? y * Math.log(y / m) : 0) - (y - m));
  }

  /** Mean Poisson deviance of paired arrays. */
  public static double meanPoissonDeviance(double[] predicted, int[] actual) {
    double s = 0;
    for (int i = 0; i < predicted.length; i++) {
      s += poissonDeviance(actual[i], predicted[i]);
    }
    return s / predicted.length;
  }
}
