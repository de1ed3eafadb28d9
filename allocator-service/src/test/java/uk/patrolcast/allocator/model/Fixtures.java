package uk.patrolcast.allocator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made instances. */
public final class Fixtures {
  private Fixtures() {}

  public static Area area(String code, String ward, String borough, double km2, int population) {
    return new Area(code, ward, "Ward " + ward, borough, km2, population);
  }

  /**
   * {@code wards} wards of {@code perWard} LSOAs each, all of area 1 km2 and 1,500 people, in
   * boroughs of {@code wardsPerBorough} wards.
   */
  public static List<Area> grid(int wards, int perWard, int wardsPerBorough) {
    List<Area> out = new ArrayList<>();
    for (int w = 0; w < wards; w++) {
      for (int i = 0; i < perWard; i++) {
        out.add(area(String.format("E%03d%03d", w, i), String.format("W%03d", w), String.format("B%03d", w / wardsPerBorough), 1.0, 1500));
      }
    }
    return out;
  }

  /** The same forecast for every horizon. */
  public static ForecastSet flat(String origin, Map<String, Double> perLsoa) {
    Map<String, double[]> predicted = new LinkedHashMap<>();
    perLsoa.forEach((code, r) -> {
      double[] h = new double[12];
      java.util.Arrays.fill(h, r);
      predicted.put(code, h);
    });
    return new ForecastSet(origin, "test-model", 1, predicted);
  }

  /** Forecast {@code r(i)} for the i-th area. */
  public static ForecastSet flat(String origin, List<Area> areas, java.util.function.IntToDoubleFunction r) {
    Map<String, Double> per = new LinkedHashMap<>();
    for (int i = 0; i < areas.size(); i++) {
      per.put(areas.get(i).lsoa21cd(), r.applyAsDouble(i));
    }
    return flat(origin, per);
  }

  /** Defaults with some fields changed. */
  public static AllocationSettings settings(double budget, double floorShare, Double officerHours, Double maxChange,
      Map<String, Double> boroughCaps, Map<String, Double> wardCaps) {
    AllocationSettings d = AllocationSettings.defaults();
    return new AllocationSettings(d.blockHours(), d.minHoursPerDay(), d.maxHoursPerDay(), d.maxAreaScale(), budget,
        d.officersPerPatrol(), officerHours, floorShare, maxChange, boroughCaps, wardCaps, d.horizonMonths());
  }
}
