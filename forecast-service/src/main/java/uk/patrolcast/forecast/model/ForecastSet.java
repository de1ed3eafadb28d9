package uk.patrolcast.forecast.model;

import java.time.YearMonth;
import java.util.List;
import uk.patrolcast.forecast.data.AreaProfiles;

/**
 * Every forecast of one origin: per area and per ward, horizons 1..12, mean and 80% interval, and
 * each area's top drivers of the horizon-1 forecast. Arrays are {@code [h-1][area or ward]}.
 */
public record ForecastSet(
    String modelVersion,
    YearMonth origin,
    int dataRevision,
    AreaProfiles areas,
    AreaProfiles.WardIndex wards,
    double[][] mean,
    double[][] lower,
    double[][] upper,
    double[][] wardMean,
    double[][] wardLower,
    double[][] wardUpper,
    List<List<Driver>> drivers) {

  /** A feature's SHAP contribution to an area's horizon-1 margin; {@code value} is NaN when missing. */
  public record Driver(String feature, double value, double contribution) {}

  public int horizons() {
    return mean.length;
  }

  /** The same forecasts without drivers (what is kept to score them later). */
  public ForecastSet withoutDrivers() {
    return new ForecastSet(modelVersion, origin, dataRevision, areas, wards, mean, lower, upper, wardMean, wardLower, wardUpper, List.of());
  }

  /** The same forecasts with these drivers, one list per area. */
  public ForecastSet withDrivers(List<List<Driver>> drivers) {
    if (drivers.size() != areas.size()) {
      throw new IllegalArgumentException(drivers.size() + " driver lists for " + areas.size() + " areas");
    }
    return new ForecastSet(modelVersion, origin, dataRevision, areas, wards, mean, lower, upper, wardMean, wardLower, wardUpper, drivers);
  }

  /** London total of the horizon-1 means. */
  public double totalNextMonth() {
    double s = 0;
    for (double v : mean[0]) {
      s += v;
    }
    return s;
  }
}
