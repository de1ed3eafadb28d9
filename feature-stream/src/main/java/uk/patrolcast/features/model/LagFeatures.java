package uk.patrolcast.features.model;

/**
 * An area's own temporal features as of month t (index {@code k} on the axis), for predicting t+1
 * onwards. Lags count back from t+1: lag1 is the count of t, lag12 the count of t−11. Rolling means
 * end at t. Every value whose window reaches before the first month of data is null: a zero there
 * would claim "no burglaries" where there is simply no data.
 */
public record LagFeatures(
    int count,
    Integer lag1,
    Integer lag2,
    Integer lag3,
    Integer lag6,
    Integer lag12,
    Double mean3,
    Double mean6,
    Double mean12,
    Double mean24,
    Double trend3,
    Integer monthsSinceLast) {

  /** The features at index {@code k} (k >= 0) of a series. */
  public static LagFeatures of(MonthlySeries series, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("month index " + k + " is before the first month of data");
    }
    Double mean3 = mean(series, k, 3);
    Double previous3 = mean(series, k - 3, 3);
    return new LagFeatures(
        series.count(k),
        lag(series, k, 1),
        lag(series, k, 2),
        lag(series, k, 3),
        lag(series, k, 6),
        lag(series, k, 12),
        mean3,
        mean(series, k, 6),
        mean(series, k, 12),
        mean(series, k, 24),
        mean3 == null || previous3 == null ? null : mean3 - previous3,
        monthsSinceLast(series, k));
  }

  /** Count of the month {@code lag} months before t+1, i.e. of index k − lag + 1. */
  static Integer lag(MonthlySeries series, int k, int lag) {
    int i = k - lag + 1;
    return i < 0 ? null : series.count(i);
  }

  /** Mean over the {@code window} months ending at index {@code end}; null if it starts before 0. */
  static Double mean(MonthlySeries series, int end, int window) {
    int start = end - window + 1;
    if (start < 0) {
      return null;
    }
    long sum = 0;
    for (int i = start; i <= end; i++) {
      sum += series.count(i);
    }
    return (double) sum / window;
  }

  /** Months from the last month with a burglary to t (0 when t had one); null when none since the data began. */
  static Integer monthsSinceLast(MonthlySeries series, int k) {
    for (int i = k; i >= 0; i--) {
      if (series.count(i) > 0) {
        return k - i;
      }
    }
    return null;
  }
}
