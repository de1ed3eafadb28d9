package uk.patrolcast.forecast.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.eval.AreaForecast;
import uk.patrolcast.forecast.eval.MetricValues;
import uk.patrolcast.forecast.eval.Scoring;
import uk.patrolcast.forecast.features.PointInTimeRisk;
import uk.patrolcast.platform.config.Months;

/**
 * Decides whether a newly trained challenger replaces the champion. Both are judged on the
 * challenger's latest validation window (the {@code window} months ending at its cut-off) with
 * models fitted only on data before that window: the challenger's own fold 0, and the champion's
 * recipe (objective, parameters, rounds by early stopping) refitted at the same fold cut-off. The
 * champion's deployed booster has seen part of that window, so scoring it there would flatter it.
 * The challenger is promoted when its score (mean of one-step and recursive Poisson deviance) is not
 * worse: at equal skill the newer data wins, which is also what a retrain with an unchanged recipe
 * gives.
 */
public final class ChampionChallenger {
  private ChampionChallenger() {}

  /**
   * @param championMetrics champion recipe on the window, beside the baselines
   * @param challengerMetrics challenger on the window, beside the baselines
   */
  public record Decision(boolean promoted, String reason, double championScore, double challengerScore, YearMonth windowFrom,
      YearMonth windowTo, List<MetricValues> championMetrics, List<MetricValues> challengerMetrics) {}

  public static Decision decide(TrainedModel champion, TrainedModel challenger, List<FoldResult> challengerFolds, FeatureTable table,
      ModelTrainer.Settings settings) {
    FoldResult latest = challengerFolds.get(0);
    YearMonth cutoff = latest.cutoff();
    int window = settings.scheme().windowMonths();
    FeatureTable known = table.upTo(challenger.trainUntil());
    BoosterParams recipe = champion.params();
    FoldResult championFold = RollingOriginValidation.fold(known, cutoff, recipe, recipe.features(), window, new PointInTimeRisk(known),
        settings.seed(), settings.threads());
    double c = championFold.score();
    double d = latest.score();
    boolean promoted = d <= c;
    String reason = String.format(java.util.Locale.ROOT,
        "%s on the latest validation window %s..%s (mean of one-step and recursive Poisson deviance): challenger %.5f, champion recipe %.5f",
        promoted ? (d < c ? "Promoted: the challenger is better" : "Promoted: equal skill, newer data") : "Refused: the challenger is worse",
        Months.format(cutoff.plusMonths(1)), Months.format(cutoff.plusMonths(window)), d, c);
    return new Decision(promoted, reason, c, d, cutoff.plusMonths(1), cutoff.plusMonths(window), metrics(known, championFold, champion),
        metrics(known, latest, challenger));
  }

  private static List<MetricValues> metrics(FeatureTable known, FoldResult fold, TrainedModel model) {
    List<AreaForecast> oneStep = fold.oneStep().stream().map(a -> ModelTrainer.withIntervals(a, model.intervals())).toList();
    List<AreaForecast> recursive = fold.recursive().stream().map(a -> ModelTrainer.withIntervals(a, model.intervals())).toList();
    List<MetricValues> out = new ArrayList<>(Scoring.score(known.counts(), oneStep, null, false));
    out.addAll(Scoring.score(known.counts(), recursive, Months.format(fold.cutoff()), true));
    return out;
  }
}
