package uk.patrolcast.allocator.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The LSOA forecasts of one origin month from one model and data revision: what a plan is driven by.
 *
 * @param originMonth last observed month, YYYY-MM
 * @param modelVersion the model that made the forecasts
 * @param dataRevision the snapshot revision of the origin month
 * @param predicted per LSOA code, the expected burglaries for horizons 1..n (index 0 = horizon 1)
 */
public record ForecastSet(String originMonth, String modelVersion, int dataRevision, Map<String, double[]> predicted) {

  public ForecastSet {
    predicted = new TreeMap<>(predicted);
  }

  /** The forecast of an LSOA for a horizon (1-based); NaN when it has none. */
  public double predicted(String lsoa21cd, int horizon) {
    double[] p = predicted.get(lsoa21cd);
    return p == null || horizon < 1 || horizon > p.length ? Double.NaN : p[horizon - 1];
  }

  public int size() {
    return predicted.size();
  }

  /** Plan id of the current plan made from these forecasts. */
  public String planId() {
    return "plan-" + originMonth + "-r" + dataRevision + "-" + modelVersion;
  }
}
