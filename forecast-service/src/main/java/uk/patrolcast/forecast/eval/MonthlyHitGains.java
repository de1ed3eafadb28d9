package uk.patrolcast.forecast.eval;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The month-by-month hit-rate gains behind a backtest's figure, and how precisely they measure it.
 * A backtest publishes one cumulative evaluation per target month, each the mean over the months so
 * far, so month k's value is k·cum(k) − (k−1)·cum(k−1). The standard error of the months' mean gain
 * says what one year can decide: a target within about one standard error of the figure is not.
 *
 * @param points each month's hit rate at 5% of the model minus the baseline's, in points
 * @param meanPoints their mean (equal to the pooled figure's gain)
 * @param standardErrorPoints sample standard deviation over √months
 */
public record MonthlyHitGains(List<Double> points, double meanPoints, double standardErrorPoints) {

  /** One cumulative evaluation: the window ends at {@code windowTo}, hit rates at 5% averaged over its months. */
  public record Cumulative(YearMonth windowTo, double modelHitRate5, double baselineHitRate5) {}

  /**
   * @param cumulative sorted by {@code windowTo}
   * @return empty unless the windows end at every month from {@code windowFrom} on, one each, at least two
   */
  public static Optional<MonthlyHitGains> of(YearMonth windowFrom, List<Cumulative> cumulative) {
    if (cumulative.size() < 2) {
      return Optional.empty();
    }
    List<Double> points = new ArrayList<>();
    double model = 0;
    double baseline = 0;
    for (int i = 0; i < cumulative.size(); i++) {
      Cumulative c = cumulative.get(i);
      if (!c.windowTo().equals(windowFrom.plusMonths(i))) {
        return Optional.empty(); // a month missing or repeated: the differences would mix months
      }
      int k = i + 1;
      double m = k * c.modelHitRate5() - (k - 1) * model;
      double b = k * c.baselineHitRate5() - (k - 1) * baseline;
      points.add(100 * (m - b));
      model = c.modelHitRate5();
      baseline = c.baselineHitRate5();
    }
    double mean = points.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double ss = 0;
    for (double p : points) {
      ss += (p - mean) * (p - mean);
    }
    double sd = Math.sqrt(ss / (points.size() - 1));
    return Optional.of(new MonthlyHitGains(List.copyOf(points), mean, sd / Math.sqrt(points.size())));
  }
}
