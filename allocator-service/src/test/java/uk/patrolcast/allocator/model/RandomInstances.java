package uk.patrolcast.allocator.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random instances for tests: a few hundred LSOAs in wards and boroughs with random areas,
 * populations and forecasts (some zero, some ties), and random settings that switch on floors,
 * caps, officer-hours, other block sizes and smoothing.
 */
public final class RandomInstances {
  private RandomInstances() {}

  /** An instance: its areas, forecasts and settings, and a previous plan's hours or null. */
  public record Instance(List<Area> areas, ForecastSet forecasts, AllocationSettings settings, PlanHoursFixture previous) {
    public AreaUniverse universe() {
      return AreaUniverse.of(areas);
    }

    public Map<String, Area> profiles() {
      Map<String, Area> out = new HashMap<>();
      areas.forEach(a -> out.put(a.lsoa21cd(), a));
      return out;
    }

    public MonthProblem month(int m) {
      return MonthProblem.of(universe(), settings, forecasts, m, previous == null ? null : previous.hours());
    }
  }

  public static List<Area> areas(Random r, int n) {
    List<Area> areas = new ArrayList<>();
    int ward = 0;
    int borough = 0;
    int left = 0;
    int wardsLeft = 0;
    for (int i = 0; i < n; i++) {
      if (left == 0) {
        left = 1 + r.nextInt(9);
        ward++;
        if (wardsLeft == 0) {
          wardsLeft = 1 + r.nextInt(6);
          borough++;
        }
        wardsLeft--;
      }
      left--;
      double area = r.nextInt(5) == 0 ? 0.2 : 0.05 + r.nextDouble() * (r.nextInt(6) == 0 ? 3 : 0.6);
      areas.add(new Area(String.format("E%08d", i), String.format("W%04d", ward), "Ward " + ward, String.format("B%03d", borough),
          area, r.nextInt(8) == 0 ? 0 : 800 + r.nextInt(3000)));
    }
    return areas;
  }

  public static ForecastSet forecasts(Random r, List<Area> areas, String origin) {
    Map<String, double[]> predicted = new LinkedHashMap<>();
    for (Area a : areas) {
      double[] h = new double[12];
      double base = r.nextInt(7) == 0 ? 0 : r.nextInt(5) == 0 ? 1.0 : Math.exp(r.nextGaussian());
      for (int k = 0; k < 12; k++) {
        h[k] = base * (0.8 + 0.4 * r.nextDouble());
      }
      predicted.put(a.lsoa21cd(), h);
    }
    return new ForecastSet(origin, "test-model", 1, predicted);
  }

  /** A random instance with side constraints switched on at random (it may be infeasible). */
  public static Instance instance(long seed) {
    Random r = new Random(seed);
    List<Area> areas = areas(r, 20 + r.nextInt(300));
    ForecastSet forecasts = forecasts(r, areas, "2024-0" + (1 + r.nextInt(9)));
    double block = new double[] {0.5, 0.5, 0.25, 1.0, 0.1}[r.nextInt(5)];
    double budget = 1.05 + r.nextDouble() * 1.6;
    double floorShare = r.nextBoolean() ? 0 : r.nextDouble() * 0.95;
    Map<String, Double> wardCaps = new LinkedHashMap<>();
    Map<String, Double> boroughCaps = new LinkedHashMap<>();
    AreaUniverse u = AreaUniverse.of(areas);
    if (r.nextBoolean()) {
      for (int w = 0; w < u.wards(); w++) {
        if (r.nextInt(4) == 0) {
          int fw = w;
          long lsoas = u.areas().stream().filter(a -> a.wardCode().equals(u.wardCode(fw))).count();
          wardCaps.put(u.wardCode(w), (1.0 + r.nextDouble() * 1.5) * 31 * Math.max(1, lsoas) * (1 + r.nextInt(4)));
        }
      }
    }
    if (r.nextBoolean()) {
      for (int b = 0; b < u.boroughs(); b++) {
        if (r.nextInt(3) == 0) {
          int fb = b;
          long lsoas = u.areas().stream().filter(a -> a.boroughCode().equals(u.boroughCode(fb))).count();
          boroughCaps.put(u.boroughCode(b), (1.2 + r.nextDouble()) * 31 * Math.max(1, lsoas) * (0.6 + r.nextDouble()));
        }
      }
    }
    Double officerHours = r.nextInt(3) == 0 ? 2 * (1.1 + r.nextDouble()) * areas.size() * 31 : null;
    Double maxChange = r.nextInt(3) == 0 ? 2.0 + r.nextInt(20) : null;
    AllocationSettings settings = new AllocationSettings(block, 1.0, 2.6, 2.0, budget, 2, officerHours, floorShare, maxChange,
        boroughCaps, wardCaps, 1 + r.nextInt(6));
    PlanHoursFixture previous = maxChange == null ? null : PlanHoursFixture.random(r, areas, forecasts.originMonth(), block);
    return new Instance(areas, forecasts, settings, previous);
  }
}
