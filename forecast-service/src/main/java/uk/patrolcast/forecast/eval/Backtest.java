package uk.patrolcast.forecast.eval;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import uk.patrolcast.forecast.data.CountHistory;
import uk.patrolcast.forecast.model.ForecastSet;
import uk.patrolcast.platform.config.Months;

/**
 * Scores the forecasts made after a model's training cut-off T against the months that arrived:
 * horizon 1 over every origin T..last-1 (targets T+1..last), and horizons 1..12 (as far as they have
 * arrived) from origin T alone, per horizon and pooled. Model and baselines see the same
 * area-months.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * @param forecasts forecasts by origin (at least origin T)
   * @param counts history up to the latest month that arrived
   */
  public static List<MetricValues> score(NavigableMap<YearMonth, ForecastSet> forecasts, YearMonth trainUntil, CountHistory counts) {
    List<AreaForecast> oneStep = new ArrayList<>();
    for (ForecastSet f : forecasts.tailMap(trainUntil, true).values()) {
      if (f.origin().isBefore(counts.lastMonth())) {
        oneStep.add(areaForecast(f, 1, counts));
      }
    }
    List<MetricValues> out = new ArrayList<>();
    if (oneStep.isEmpty()) {
      return out;
    }
    out.addAll(Scoring.score(counts, oneStep, null, false));
    ForecastSet first = forecasts.get(trainUntil);
    if (first != null) {
      List<AreaForecast> fromOrigin = new ArrayList<>();
      int arrived = Math.min(first.horizons(), Months.between(trainUntil, counts.lastMonth()));
      for (int h = 1; h <= arrived; h++) {
        fromOrigin.add(areaForecast(first, h, counts));
      }
      out.addAll(Scoring.score(counts, fromOrigin, Months.format(trainUntil), true));
    }
    return out;
  }

  static AreaForecast areaForecast(ForecastSet f, int h, CountHistory counts) {
    return new AreaForecast(counts.indexOf(f.origin()), h, f.mean()[h - 1], f.lower()[h - 1], f.upper()[h - 1]);
  }
}
