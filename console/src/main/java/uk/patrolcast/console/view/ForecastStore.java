package uk.patrolcast.console.view;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastDriver;
import uk.patrolcast.events.HorizonForecast;
import uk.patrolcast.platform.config.Months;

/**
 * Forecasts of one area level (LSOAs or wards) in compact form: horizon 1 of every origin month
 * (what the month slider compares with the actuals), all 12 horizons of the latest few origins, and
 * the drivers (SHAP) of the latest origin.
 */
public final class ForecastStore {
  public static final int HORIZONS = 12;

  private final int keepFull;
  private final TreeMap<String, Band> oneStep = new TreeMap<>();
  private final TreeMap<String, Band[]> full = new TreeMap<>();
  private final Map<String, String> modelVersions = new HashMap<>();
  private String driversOrigin;
  private final Map<Integer, List<Driver>> drivers = new HashMap<>();

  /** A feature's SHAP contribution to an area's horizon-1 forecast. */
  public record Driver(String feature, Double value, double contribution) {}

  /** Where a month's predicted values come from: an origin and a horizon. */
  public record Prediction(String origin, int horizon, String modelVersion, Band band) {}

  public ForecastStore(int keepFullOrigins) {
    this.keepFull = keepFullOrigins;
  }

  public void put(int area, Forecast f) {
    String origin = f.getOriginMonth();
    modelVersions.put(origin, f.getModelVersion());
    boolean keepAll = full.containsKey(origin) || full.size() < keepFull || origin.compareTo(full.firstKey()) > 0;
    Band[] bands = keepAll ? full.computeIfAbsent(origin, o -> newBands()) : null;
    for (HorizonForecast h : f.getHorizons()) {
      int k = h.getHorizon();
      if (k == 1) {
        oneStep.computeIfAbsent(origin, o -> Band.empty()).set(area, h.getPredicted(), h.getLower80(), h.getUpper80());
      }
      if (bands != null && k >= 1 && k <= HORIZONS) {
        bands[k - 1].set(area, h.getPredicted(), h.getLower80(), h.getUpper80());
      }
    }
    while (full.size() > keepFull) {
      full.pollFirstEntry();
    }
    if (!f.getDrivers().isEmpty() && (driversOrigin == null || origin.compareTo(driversOrigin) >= 0)) {
      if (!origin.equals(driversOrigin)) {
        drivers.clear();
        driversOrigin = origin;
      }
      List<Driver> list = new ArrayList<>(f.getDrivers().size());
      for (ForecastDriver d : f.getDrivers()) {
        list.add(new Driver(d.getFeature().intern(), d.getValue(), d.getContribution()));
      }
      drivers.put(area, list);
    }
  }

  /** Origin months with forecasts, oldest first. */
  public List<String> origins() {
    return new ArrayList<>(oneStep.keySet());
  }

  public String latestOrigin() {
    return full.isEmpty() ? null : full.lastKey();
  }

  public String modelVersion(String origin) {
    return modelVersions.get(origin);
  }

  /** Horizon-1 forecasts of an origin (target month = origin + 1), or null. */
  public Band oneStep(String origin) {
    return oneStep.get(origin);
  }

  /** Every kept horizon of an origin, or null. */
  public Band[] horizons(String origin) {
    return full.get(origin);
  }

  /**
   * The forecast of a target month: the one made a month before it when there is one (a fair
   * comparison with the actual), otherwise the latest origin that reaches it.
   */
  public Prediction predictionFor(String targetMonth) {
    YearMonth target = Months.parse(targetMonth);
    String previous = Months.format(target.minusMonths(1));
    Band one = oneStep.get(previous);
    if (one != null) {
      return new Prediction(previous, 1, modelVersions.get(previous), one);
    }
    for (String origin : full.descendingKeySet()) {
      int h = Months.between(Months.parse(origin), target);
      if (h >= 1 && h <= HORIZONS) {
        return new Prediction(origin, h, modelVersions.get(origin), full.get(origin)[h - 1]);
      }
    }
    return null;
  }

  /** The drivers of an area's latest forecast, largest first (empty when none). */
  public List<Driver> drivers(int area) {
    return drivers.getOrDefault(area, List.of());
  }

  public String driversOrigin() {
    return driversOrigin;
  }

  private static Band[] newBands() {
    Band[] b = new Band[HORIZONS];
    for (int i = 0; i < HORIZONS; i++) {
      b[i] = Band.empty();
    }
    return b;
  }
}
