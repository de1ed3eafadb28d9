package uk.patrolcast.forecast.eval;

/**
 * The metrics of one method on a set of target months (the fields of ModelEvaluation.MethodMetrics).
 *
 * @param horizon null when pooled over horizons
 * @param originMonth the single origin the forecasts were made from, or null when pooled over origins
 * @param coverage80 share of actuals inside the 80% interval; null for methods without intervals
 */
public record MetricValues(
    String method,
    Integer horizon,
    String originMonth,
    int n,
    double mae,
    double rmse,
    double r2,
    double poissonDeviance,
    double bias,
    double hitRate1,
    double pai1,
    double hitRate5,
    double pai5,
    Double coverage80) {}
