package uk.patrolcast.forecast.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.eval.AreaForecast;
import uk.patrolcast.forecast.eval.Metrics;
import uk.patrolcast.forecast.features.ModelFeatures;
import uk.patrolcast.forecast.features.PointInTimeRisk;
import uk.patrolcast.forecast.features.TrainingRows;
import uk.patrolcast.platform.config.Months;

/**
 * Runs the folds of a {@link ValidationScheme} for one set of parameters. Each fold trains on a
 * table cut at the fold's cut-off (later counts are unreachable), stops early on its one-step
 * validation rows, and forecasts its window recursively from the cut-off.
 */
public final class RollingOriginValidation {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RollingOriginValidation.class);

  private RollingOriginValidation() {}

  public static List<FoldResult> run(FeatureTable table, YearMonth trainUntil, BoosterParams params, ValidationScheme scheme, long seed,
      int threads) {
    return run(table, trainUntil, params, scheme, seed, threads, new PointInTimeRisk(table.upTo(trainUntil)));
  }

  /**
   * @param risk point-in-time risk scores of the table cut at {@code trainUntil}: each origin's score
   *     reads only months up to that origin, so the caller may share it with the final booster's rows
   *     and fit each origin once
   */
  public static List<FoldResult> run(FeatureTable table, YearMonth trainUntil, BoosterParams params, ValidationScheme scheme, long seed,
      int threads, PointInTimeRisk risk) {
    FeatureTable known = table.upTo(trainUntil);
    ModelFeatures features = params.features();
    List<FoldResult> folds = new ArrayList<>();
    for (YearMonth cutoff : scheme.cutoffs(trainUntil)) {
      long started = System.nanoTime();
      FoldResult f = fold(known, cutoff, params, features, scheme.windowMonths(), risk, seed, threads);
      log.info("Validation fold up to {}: {} rounds, one-step deviance {}, recursive {}, {} s", Months.format(cutoff), f.bestRounds(),
          String.format("%.4f", f.oneStepDeviance()), String.format("%.4f", f.recursiveDeviance()),
          String.format("%.1f", (System.nanoTime() - started) / 1e9));
      folds.add(f);
    }
    return folds;
  }

  static FoldResult fold(FeatureTable known, YearMonth cutoff, BoosterParams params, ModelFeatures features, int window,
      PointInTimeRisk risk, long seed, int threads) {
    FeatureTable training = known.upTo(cutoff);
    TrainingRows train = TrainingRows.build(training, features, firstOrigin(training, cutoff, params.trainYears()), cutoff.minusMonths(1), risk);
    TrainingRows valid = TrainingRows.build(known.upTo(cutoff.plusMonths(window)), features, cutoff, cutoff.plusMonths(window - 1L), risk);
    try (CountModel model = BoosterTraining.train(train, valid, params, features, 0, seed, threads)) {
      List<AreaForecast> oneStep = new ArrayList<>();
      double[] all = model.predict(valid.features(), valid.priors(), valid.rows());
      int n = valid.areas();
      double dev = 0;
      for (int k = 0; k < valid.originIndex().length; k++) {
        double[] mu = java.util.Arrays.copyOfRange(all, k * n, (k + 1) * n);
        int o = valid.originIndex()[k];
        oneStep.add(AreaForecast.of(o, 1, mu));
        dev += Metrics.meanPoissonDeviance(mu, known.counts().monthCounts(o + 1));
      }
      RecursiveForecaster.Paths paths = RecursiveForecaster.forecast(model, training, window, risk);
      List<AreaForecast> recursive = new ArrayList<>();
      int o = training.counts().months() - 1;
      double rdev = 0;
      for (int h = 1; h <= window; h++) {
        recursive.add(AreaForecast.of(o, h, paths.means()[h - 1]));
        rdev += Metrics.meanPoissonDeviance(paths.means()[h - 1], known.counts().monthCounts(o + h));
      }
      return new FoldResult(cutoff, model.rounds(), oneStep, recursive, dev / valid.originIndex().length, rdev / window);
    }
  }

  /**
   * Why training up to {@code cutoff} cannot run on {@code table} (too little history for the
   * validation folds and the features' longest window), or null when it can. Checked before training
   * so that a short history is a state to report, not a failure.
   */
  public static String historyShortfall(FeatureTable table, YearMonth cutoff, ValidationScheme scheme) {
    YearMonth earliestCutoff = cutoff.minusMonths(scheme.monthsBefore());
    YearMonth firstOrigin = table.firstMonth().plusMonths(ModelFeatures.LONGEST_WINDOW - 1L);
    if (firstOrigin.isBefore(earliestCutoff) && !cutoff.isAfter(table.lastMonth())) {
      return null;
    }
    YearMonth startBy = earliestCutoff.minusMonths(ModelFeatures.LONGEST_WINDOW);
    return "Not enough history to train up to " + Months.format(cutoff) + ": " + scheme.folds() + " validation folds of "
        + scheme.windowMonths() + " months and the features' " + ModelFeatures.LONGEST_WINDOW + "-month windows need complete months from "
        + Months.format(startBy) + " on; the data cover " + Months.format(table.firstMonth()) + " to " + Months.format(table.lastMonth());
  }

  /**
   * First training origin: {@code years} before the cut-off, but never before the first origin whose
   * every feature window fits in the data.
   */
  public static YearMonth firstOrigin(FeatureTable table, YearMonth cutoff, int years) {
    YearMonth wanted = cutoff.minusMonths(12L * years);
    YearMonth earliest = table.firstMonth().plusMonths(ModelFeatures.LONGEST_WINDOW - 1L);
    YearMonth first = wanted.isBefore(earliest) ? earliest : wanted;
    if (!first.isBefore(cutoff)) {
      throw new IllegalArgumentException("Not enough history to train up to " + Months.format(cutoff) + ": the data starts "
          + Months.format(table.firstMonth()) + " and features need " + ModelFeatures.LONGEST_WINDOW + " months before the first origin");
    }
    return first;
  }
}
