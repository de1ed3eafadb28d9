package uk.patrolcast.forecast.model;

import java.time.YearMonth;
import uk.patrolcast.forecast.eval.AreaForecast;
import java.util.List;

/**
 * One validation fold: the model trained up to {@code cutoff}, scored on the months after it.
 *
 * @param bestRounds rounds chosen by early stopping on the fold's one-step rows
 * @param oneStep horizon-1 forecasts from each origin cutoff..cutoff+window-1 (observed histories)
 * @param recursive horizons 1..window forecast recursively from the cut-off
 */
public record FoldResult(
    YearMonth cutoff, int bestRounds, List<AreaForecast> oneStep, List<AreaForecast> recursive, double oneStepDeviance,
    double recursiveDeviance) {

  /** What the search minimises: one-step and recursive deviance weigh equally. */
  public double score() {
    return (oneStepDeviance + recursiveDeviance) / 2;
  }
}
