package uk.patrolcast.allocator.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.ForecastSet;

/**
 * A deterministic, England-and-Wales-sized instance: LSOAs grouped into wards of 3 to 12, wards
 * into boroughs of about 15, log-normal areas (some rural LSOAs far above the mean) and populations
 * around 1,700, and log-normal forecasts with a seasonal swing. The same seed gives the same instance.
 */
public final class SyntheticInstance {
  private final List<Area> areas;
  private final ForecastSet forecasts;

  private SyntheticInstance(List<Area> areas, ForecastSet forecasts) {
    this.areas = areas;
    this.forecasts = forecasts;
  }

  /**
   * @param lsoas how many LSOAs
   * @param seed the random seed
   * @param originMonth origin of the forecasts, YYYY-MM
   */
  public static SyntheticInstance generate(int lsoas, long seed, String originMonth) {
    Random random = new Random(seed);
    List<Area> areas = new ArrayList<>(lsoas);
    Map<String, double[]> predicted = new LinkedHashMap<>();
    int ward = 0;
    int borough = 0;
    int wardsInBorough = 0;
    int left = 0;
    for (int i = 0; i < lsoas; i++) {
      if (left == 0) {
        left = 3 + random.nextInt(10);
        ward++;
        if (wardsInBorough == 0) {
          wardsInBorough = 10 + random.nextInt(11);
          borough++;
        }
        wardsInBorough--;
      }
      left--;
      String code = String.format(Locale.ROOT, "S%08d", i + 1);
      String wardCode = String.format(Locale.ROOT, "W%08d", ward);
      double area = 0.3 * Math.exp(1.1 * random.nextGaussian());
      int population = (int) Math.max(900, Math.round(1700 + 350 * random.nextGaussian()));
      areas.add(new Area(code, wardCode, "Ward " + ward, String.format(Locale.ROOT, "B%05d", borough), area, population));
      double base = 0.55 * Math.exp(0.9 * random.nextGaussian());
      double[] horizons = new double[12];
      for (int h = 0; h < 12; h++) {
        double season = 1 + 0.15 * Math.cos(2 * Math.PI * (h + 2) / 12.0);
        horizons[h] = base * season * Math.exp(0.1 * random.nextGaussian());
      }
      predicted.put(code, horizons);
    }
    return new SyntheticInstance(areas, new ForecastSet(originMonth, "synthetic-" + seed, 1, predicted));
  }

  /** These synthetic forecasts re-keyed onto other areas (in order), for a universe without records. */
  public ForecastSet forecastsFor(List<Area> other) {
    Map<String, double[]> predicted = new LinkedHashMap<>();
    List<double[]> mine = new ArrayList<>(forecasts.predicted().values());
    for (int i = 0; i < other.size(); i++) {
      predicted.put(other.get(i).lsoa21cd(), mine.get(i % mine.size()));
    }
    return new ForecastSet(forecasts.originMonth(), forecasts.modelVersion(), forecasts.dataRevision(), predicted);
  }

  public List<Area> areas() {
    return areas;
  }

  public ForecastSet forecasts() {
    return forecasts;
  }
}
