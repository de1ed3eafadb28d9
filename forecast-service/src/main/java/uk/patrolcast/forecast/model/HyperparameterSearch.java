package uk.patrolcast.forecast.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.features.ModelFeatures;

/**
 * A budgeted, seeded random search on rolling-origin validation. The first trials compare the three
 * objectives at the starting parameters (count:poisson, reg:tweedie, reg:squarederror); the rest draw
 * parameters at random (the seed fixes the draws). Each trial costs one validation run (one booster
 * per fold, with early stopping); the score is the folds' mean of one-step and recursive Poisson
 * deviance. Validation windows end at the training cut-off, so the months later evaluated never
 * steer the search.
 */
public final class HyperparameterSearch {
  private static final Logger log = LoggerFactory.getLogger(HyperparameterSearch.class);

  /** The trials run and the winner, with the winner's folds (so training need not repeat them). */
  public record Outcome(List<TrainedModel.SearchTrial> trials, BoosterParams best, List<FoldResult> bestFolds) {}

  private HyperparameterSearch() {}

  /**
   * @param budget trials in all (at least 1: the starting parameters)
   * @param compareObjectives spend the first trials on the other two objectives at the starting parameters
   */
  public static Outcome run(FeatureTable table, YearMonth trainUntil, BoosterParams start, int budget, boolean compareObjectives,
      ModelTrainer.Settings settings) {
    List<BoosterParams> plan = new ArrayList<>();
    plan.add(start);
    if (compareObjectives) {
      for (String o : List.of(BoosterParams.POISSON, BoosterParams.TWEEDIE, BoosterParams.SQUARED)) {
        if (!o.equals(start.objective())) {
          plan.add(start.withObjective(o));
        }
      }
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    while (plan.size() < budget) {
      plan.add(draw(random, start));
    }
    return evaluate(table, trainUntil, plan.subList(0, Math.min(budget, plan.size())), settings);
  }

  /** Runs the given trials in order on rolling-origin validation; the lowest score wins (the earlier on a tie). */
  public static Outcome evaluate(FeatureTable table, YearMonth trainUntil, List<BoosterParams> plan, ModelTrainer.Settings settings) {
    int budget = plan.size();
    List<TrainedModel.SearchTrial> trials = new ArrayList<>();
    BoosterParams best = null;
    List<FoldResult> bestFolds = null;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int k = 0; k < budget; k++) {
      BoosterParams p = plan.get(k);
      long t0 = System.nanoTime();
      List<FoldResult> folds = RollingOriginValidation.run(table, trainUntil, p, settings.scheme(), settings.seed(), settings.threads());
      double oneStep = folds.stream().mapToDouble(FoldResult::oneStepDeviance).average().orElseThrow();
      double recursive = folds.stream().mapToDouble(FoldResult::recursiveDeviance).average().orElseThrow();
      double score = (oneStep + recursive) / 2;
      double seconds = (System.nanoTime() - t0) / 1e9;
      trials.add(new TrainedModel.SearchTrial(k, p, score, oneStep, recursive, folds.stream().map(FoldResult::bestRounds).toList(), seconds));
      log.info("Search trial {}/{}: score {} (one-step {}, recursive {}), rounds {}, {} s: {}", k + 1, budget, fmt(score), fmt(oneStep),
          fmt(recursive), folds.stream().map(FoldResult::bestRounds).toList(), String.format("%.1f", seconds), p.asStrings());
      if (score < bestScore) {
        bestScore = score;
        best = p;
        bestFolds = folds;
      }
    }
    return new Outcome(trials, best, bestFolds);
  }

  /** One random draw; values rounded to 3 significant digits so they survive a round trip as text. */
  static BoosterParams draw(SplittableRandom r, BoosterParams start) {
    String[] objectives = {BoosterParams.POISSON, BoosterParams.TWEEDIE, BoosterParams.SQUARED};
    String objective = objectives[r.nextInt(objectives.length)];
    double eta = round(logUniform(r, 0.05, 0.2));
    int depth = 3 + r.nextInt(6);
    double mcw = round(logUniform(r, 1, 100));
    double subsample = round(0.5 + 0.5 * r.nextDouble());
    double colsample = round(0.4 + 0.6 * r.nextDouble());
    double lambda = round(logUniform(r, 0.1, 30));
    double alpha = r.nextBoolean() ? 0 : round(logUniform(r, 0.01, 5));
    double gamma = r.nextBoolean() ? 0 : round(logUniform(r, 0.01, 2));
    double maxDelta = objective.equals(BoosterParams.SQUARED) ? 0 : round(0.3 + 1.7 * r.nextDouble());
    double power = round(1.05 + 0.6 * r.nextDouble());
    int years = 3 + r.nextInt(5);
    boolean offset = r.nextInt(4) != 0;
    boolean risk = r.nextBoolean();
    // A draw without the risk score cannot constrain it: keep the constraints on the features it has.
    List<String> features = ModelFeatures.of(risk, start.ewmaHalfLives()).names();
    return new BoosterParams(objective, eta, depth, mcw, subsample, colsample, lambda, alpha, gamma, maxDelta, power, years, offset, risk,
        start.maxRounds(), start.maxBin(), start.ewmaHalfLives(),
        start.recencyHalfLife(), start.monotoneIncreasing().stream().filter(features::contains).toList());
  }

  private static double logUniform(SplittableRandom r, double lo, double hi) {
    return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  static double round(double v) {
    if (v == 0) {
      return 0;
    }
    double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }

  private static String fmt(double v) {
    return String.format("%.5f", v);
  }
}
