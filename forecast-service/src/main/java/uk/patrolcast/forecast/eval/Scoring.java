package uk.patrolcast.forecast.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import uk.patrolcast.forecast.data.CountHistory;

/**
 * Scores model forecasts against the counts that arrived, beside every baseline made at the same
 * origins for the same horizons: the model and the baselines always see exactly the same
 * area-months.
 */
public final class Scoring {
  public static final String MODEL = "model";

  private Scoring() {}

  /**
   * Metrics per horizon (and, when {@code pooled} and there are several horizons, over all of them)
   * for the model and each baseline.
   *
   * @param counts history holding every target month
   * @param originLabel the single origin of the forecasts (YYYY-MM), or null when they come from
   *     several origins
   */
  public static List<MetricValues> score(CountHistory counts, List<AreaForecast> forecasts, String originLabel, boolean pooled) {
    double[][] series = counts.byArea();
    TreeMap<Integer, List<AreaForecast>> byHorizon = new TreeMap<>();
    for (AreaForecast f : forecasts) {
      if (f.targetIndex() >= counts.months()) {
        throw new IllegalArgumentException("Target month " + counts.month(f.targetIndex()) + " has not arrived");
      }
      byHorizon.computeIfAbsent(f.horizon(), h -> new ArrayList<>()).add(f);
    }
    List<String> methods = new ArrayList<>();
    methods.add(MODEL);
    methods.addAll(Baselines.NAMES);
    List<MetricValues> out = new ArrayList<>();
    for (String method : methods) {
      List<MonthScores> all = new ArrayList<>();
      for (var e : byHorizon.entrySet()) {
        List<MonthScores> months = new ArrayList<>();
        for (AreaForecast f : e.getValue()) {
          months.add(monthScores(method, f, counts, series));
        }
        all.addAll(months);
        out.add(Metrics.compute(method, e.getKey(), originLabel, months));
      }
      if (pooled && byHorizon.size() > 1) {
        out.add(Metrics.compute(method, null, originLabel, all));
      }
    }
    return out;
  }

  private static MonthScores monthScores(String method, AreaForecast f, CountHistory counts, double[][] series) {
    int[] actual = counts.monthCounts(f.targetIndex());
    if (method.equals(MODEL)) {
      return new MonthScores(f.mean(), actual, f.lower(), f.upper());
    }
    return MonthScores.of(Baselines.forecast(method, series, f.originIndex(), f.horizon()), actual);
  }

  /** The metrics of one method at one horizon (null: pooled), or null when absent. */
  public static MetricValues find(List<MetricValues> metrics, String method, Integer horizon) {
    for (MetricValues m : metrics) {
      if (m.method().equals(method) && java.util.Objects.equals(m.horizon(), horizon)) {
        return m;
      }
    }
    return null;
  }
}
