package uk.patrolcast.forecast.model;

import java.time.YearMonth;
import java.util.List;
import uk.patrolcast.forecast.eval.MetricValues;

/**
 * A forecast model ready to use and to save: the booster with everything needed to rebuild its
 * inputs and judge it. Immutable apart from the booster's native handle ({@link #close()}).
 *
 * @param version unique, deterministic name (cut-off, objective and a hash of the booster)
 * @param trainFrom first origin month of the training rows
 * @param trainUntil last month whose counts the training used
 * @param intervals the 80% interval construction, fitted on validation
 * @param folds the rolling-origin validation folds (latest window first)
 * @param validation model and baseline metrics on the validation folds
 * @param search the hyperparameter search that chose the parameters (empty when none ran)
 * @param importances global feature importances, largest mean |SHAP| first
 */
public record TrainedModel(
    String version,
    CountModel model,
    YearMonth trainFrom,
    YearMonth trainUntil,
    IntervalModel intervals,
    ValidationScheme scheme,
    List<FoldSummary> folds,
    List<MetricValues> validation,
    List<SearchTrial> search,
    List<Importance> importances,
    long seed) implements AutoCloseable {

  public BoosterParams params() {
    return model.params();
  }

  /** Validation window: the earliest fold's first target month to the latest fold's last. */
  public YearMonth validationFrom() {
    return folds.get(folds.size() - 1).cutoff().plusMonths(1);
  }

  public YearMonth validationTo() {
    return folds.get(0).cutoff().plusMonths(scheme.windowMonths());
  }

  /** The latest validation window's score (fold 0): what champion and challenger are compared on. */
  public double latestWindowScore() {
    return folds.get(0).score();
  }

  @Override
  public void close() {
    model.close();
  }

  /** A fold without its forecasts, as kept with the model. */
  public record FoldSummary(YearMonth cutoff, int bestRounds, double oneStepDeviance, double recursiveDeviance) {
    public double score() {
      return (oneStepDeviance + recursiveDeviance) / 2;
    }

    static FoldSummary of(FoldResult f) {
      return new FoldSummary(f.cutoff(), f.bestRounds(), f.oneStepDeviance(), f.recursiveDeviance());
    }
  }

  /** Global importance of a feature: mean |SHAP| over the areas at the last training origin, and total gain. */
  public record Importance(String feature, double meanAbsShap, double gain) {}

  /** One trial of the hyperparameter search. */
  public record SearchTrial(int number, BoosterParams params, double score, double oneStepDeviance, double recursiveDeviance,
      List<Integer> bestRounds, double seconds) {}
}
