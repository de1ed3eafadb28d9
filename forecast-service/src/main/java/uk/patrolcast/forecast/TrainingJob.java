package uk.patrolcast.forecast;

import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.model.BoosterParams;
import uk.patrolcast.forecast.model.ChampionChallenger;
import uk.patrolcast.forecast.model.FoldResult;
import uk.patrolcast.forecast.model.HyperparameterSearch;
import uk.patrolcast.forecast.model.ModelTrainer;
import uk.patrolcast.forecast.model.RollingOriginValidation;
import uk.patrolcast.forecast.model.TrainedModel;
import uk.patrolcast.forecast.risk.RiskFit;
import uk.patrolcast.forecast.risk.RiskRegression;
import uk.patrolcast.platform.config.Months;

/**
 * One training, on its own thread and an immutable table cut at the cut-off: the search (when its
 * budget allows more than one trial) or the configured parameters' validation, the final model, the
 * static risk model, and, when a champion exists, the champion/challenger decision.
 */
final class TrainingJob {
  private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);

  private final ForecastConfig config;

  /** @param decision null when there was no champion to challenge */
  record Outcome(TrainedModel model, RiskFit risk, AreaProfiles areas, ChampionChallenger.Decision decision) {}

  TrainingJob(ForecastConfig config) {
    this.config = config;
  }

  Outcome train(FeatureTable table, YearMonth cutoff, TrainedModel champion) {
    long t0 = System.nanoTime();
    FeatureTable known = table.upTo(cutoff);
    ModelTrainer.Settings settings = config.trainerSettings();
    BoosterParams start = champion == null ? config.params() : champion.params();
    List<FoldResult> folds;
    BoosterParams params;
    List<TrainedModel.SearchTrial> trials = List.of();
    if (config.searchTrials() > 1) {
      HyperparameterSearch.Outcome search = HyperparameterSearch.run(known, cutoff, start, config.searchTrials(), config.compareObjectives(),
          settings);
      params = search.best();
      folds = search.bestFolds();
      trials = search.trials();
    } else {
      params = start;
      folds = RollingOriginValidation.run(known, cutoff, params, settings.scheme(), settings.seed(), settings.threads());
    }
    TrainedModel model = new ModelTrainer(settings).train(known, cutoff, params, folds, trials);
    RiskFit risk = RiskRegression.fit(known, cutoff, config.riskWindowMonths());
    ChampionChallenger.Decision decision = champion == null ? null : ChampionChallenger.decide(champion, model, folds, known, settings);
    log.info("Training up to {} done in {} s: {}", Months.format(cutoff), String.format("%.1f", (System.nanoTime() - t0) / 1e9),
        model.version());
    return new Outcome(model, risk, known.areas(), decision);
  }
}
