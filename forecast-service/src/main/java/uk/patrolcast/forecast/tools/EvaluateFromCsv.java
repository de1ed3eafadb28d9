package uk.patrolcast.forecast.tools;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.patrolcast.events.EvaluationKind;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.ModelRole;
import uk.patrolcast.forecast.ForecastOutputs;
import uk.patrolcast.forecast.data.FeatureCsv;
import uk.patrolcast.forecast.eval.TargetCheck;
import uk.patrolcast.forecast.kafka.ForecastRecords;
import uk.patrolcast.forecast.risk.RiskFit;
import uk.patrolcast.forecast.risk.RiskRegression;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.eval.Backtest;
import uk.patrolcast.forecast.eval.MetricValues;
import uk.patrolcast.forecast.model.BoosterParams;
import uk.patrolcast.forecast.model.ForecastSet;
import uk.patrolcast.forecast.model.Forecaster;
import uk.patrolcast.forecast.model.HyperparameterSearch;
import uk.patrolcast.forecast.model.ModelTrainer;
import uk.patrolcast.forecast.model.TrainedModel;
import uk.patrolcast.platform.config.Months;

/**
 * The offline evaluation: trains on a features.csv up to {@code --train-until} (with the search when
 * asked), forecasts every later origin, and prints the backtest beside the baselines.
 *
 * <pre>
 * java -cp ... uk.patrolcast.forecast.tools.EvaluateFromCsv --features OUT/features.csv \
 *     --neighbours neighbours.csv --train-until 2023-02 [--until 2024-02] [--search 12] [--param k=v ...]
 *     [--trial k=v,k=v ...]   (explicit trials instead of random draws; the best on validation is kept)
 *     [--out DIR]             (writes DIR/evaluations.json as patrolcast run does)
 * </pre>
 */
public final class EvaluateFromCsv {
  private EvaluateFromCsv() {}

  public static void main(String[] args) throws Exception {
    Map<String, List<String>> a = CommandArgs.parse(args);
    Path features = Path.of(CommandArgs.required(a, "features"));
    Path neighbours = Path.of(CommandArgs.required(a, "neighbours"));
    YearMonth trainUntil = Months.parse(CommandArgs.required(a, "train-until"));
    int search = Integer.parseInt(CommandArgs.optional(a, "search", "1"));
    long t0 = System.nanoTime();
    FeatureTable table = FeatureCsv.read(features, neighbours);
    if (a.containsKey("until")) {
      table = table.upTo(Months.parse(a.get("until").get(0)));
    }
    System.out.printf("Read %s in %.1f s%n", table, (System.nanoTime() - t0) / 1e9);
    ModelTrainer.Settings settings = ModelTrainer.Settings.standard();
    if (a.containsKey("coverage")) {
      settings = new ModelTrainer.Settings(settings.scheme(), settings.seed(), settings.threads(), Double.parseDouble(a.get("coverage").get(0)));
    }
    BoosterParams start = CommandArgs.params(a.getOrDefault("param", List.of()));
    ModelTrainer trainer = new ModelTrainer(settings);
    long t1 = System.nanoTime();
    TrainedModel model;
    if (a.containsKey("trial")) {
      // Explicit trials (each a comma-separated list of key=value over the starting parameters).
      List<BoosterParams> plan = new ArrayList<>();
      plan.add(start);
      for (String t : a.get("trial")) {
        List<String> overrides = new ArrayList<>(a.getOrDefault("param", List.of()));
        overrides.addAll(List.of(t.split(",")));
        plan.add(CommandArgs.params(overrides));
      }
      HyperparameterSearch.Outcome outcome = HyperparameterSearch.evaluate(table, trainUntil, plan, settings);
      printTrials(outcome.trials());
      model = trainer.train(table, trainUntil, outcome.best(), outcome.bestFolds(), outcome.trials());
    } else if (search > 1) {
      HyperparameterSearch.Outcome outcome = HyperparameterSearch.run(table, trainUntil, start, search, true, settings);
      printTrials(outcome.trials());
      model = trainer.train(table, trainUntil, outcome.best(), outcome.bestFolds(), outcome.trials());
    } else {
      model = trainer.train(table, trainUntil, start);
    }
    System.out.printf("Trained %s in %.1f s; rounds %d; folds %s%n", model.version(), (System.nanoTime() - t1) / 1e9, model.model().rounds(), model.folds());
    System.out.println("Interval dispersion (areas) " + fmt(model.intervals().areaDispersion()) + " levels " + fmt(model.intervals().areaLevel()));
    System.out.println("Interval dispersion (wards) " + fmt(model.intervals().wardDispersion()) + " levels " + fmt(model.intervals().wardLevel()));
    System.out.println("== VALIDATION");
    print(model.validation());
    Forecaster forecaster = new Forecaster(0); // the backtest scores means and intervals, not drivers
    TreeMap<YearMonth, ForecastSet> sets = new TreeMap<>();
    long t2 = System.nanoTime();
    for (YearMonth o = trainUntil; !o.isAfter(table.lastMonth()); o = o.plusMonths(1)) {
      sets.put(o, forecaster.forecast(model, table.upTo(o)));
    }
    System.out.printf("Forecast %d origins in %.1f s%n", sets.size(), (System.nanoTime() - t2) / 1e9);
    System.out.println("== BACKTEST");
    List<MetricValues> backtest = Backtest.score(sets, trainUntil, table.counts());
    print(backtest);
    printTargets("horizon 1 over every origin", TargetCheck.of(backtest, 1, null));
    printTargets("horizons 1..12 from " + Months.format(trainUntil), TargetCheck.of(backtest, null, Months.format(trainUntil)));
    if (a.containsKey("out")) {
      Path out = Path.of(a.get("out").get(0));
      java.nio.file.Files.createDirectories(out);
      java.time.Instant now = java.time.Instant.EPOCH;
      List<ModelEvaluation> evaluations = List.of(
          ForecastRecords.evaluation(model, EvaluationKind.VALIDATION, ModelRole.CHAMPION, null, null, model.validationFrom(),
              model.validationTo(), model.validation(), now),
          ForecastRecords.evaluation(model, EvaluationKind.BACKTEST, ModelRole.CHAMPION, null, null, trainUntil.plusMonths(1),
              table.lastMonth(), backtest, now));
      RiskFit risk = RiskRegression.fit(table, trainUntil, 36);
      ForecastOutputs.writeEvaluations(evaluations, List.of(ForecastRecords.riskModel(risk, ForecastRecords.riskVersion(risk), now)),
          out.resolve("evaluations.json"));
      System.out.println("Wrote " + out.resolve("evaluations.json"));
    }
    model.close();
  }

  static void printTrials(List<TrainedModel.SearchTrial> trials) {
    for (TrainedModel.SearchTrial t : trials) {
      System.out.printf("trial %2d score %.5f one-step %.5f recursive %.5f rounds %s %.0fs %s%n", t.number(), t.score(), t.oneStepDeviance(),
          t.recursiveDeviance(), t.bestRounds(), t.seconds(), t.params().asStrings());
    }
  }

  static void printTargets(String what, TargetCheck t) {
    if (t == null) {
      System.out.println("Targets (" + what + "): not all methods scored");
      return;
    }
    System.out.printf("Targets (%s): deviance %.4f vs best baseline %s %.4f (%.2f%% lower, need 3%%) %s; RMSE %.4f vs %s %.4f %s; "
        + "hit rate 5%% %.4f vs %s %.4f (%+.2f points, need +0.5) %s; coverage80 %s %s%n", what, t.deviance(), t.bestDevianceBaseline(),
        t.bestBaselineDeviance(), 100 * t.devianceReduction(), ok(t.devianceMet()), t.rmse(), t.bestRmseBaseline(), t.bestBaselineRmse(),
        ok(t.rmseMet()), t.hitRate5(), t.bestHitBaseline(), t.bestBaselineHitRate5(), t.hitRateGainPoints(), ok(t.hitRateMet()),
        t.coverage80() == null ? "-" : String.format("%.4f", t.coverage80()), ok(t.coverageMet()));
  }

  private static String ok(boolean met) {
    return met ? "MET" : "NOT MET";
  }

  static void print(List<MetricValues> metrics) {
    System.out.printf("%-22s %4s %8s %6s %7s %7s %7s %7s %7s %7s %7s%n", "method", "h", "origin", "n", "mae", "rmse", "r2", "dev", "bias", "hit5",
        "cov80");
    for (MetricValues m : metrics) {
      System.out.printf("%-22s %4s %8s %6d %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7s%n", m.method(), m.horizon() == null ? "all" : m.horizon(),
          m.originMonth() == null ? "-" : m.originMonth(), m.n(), m.mae(), m.rmse(), m.r2(), m.poissonDeviance(), m.bias(), m.hitRate5(),
          m.coverage80() == null ? "" : String.format("%.4f", m.coverage80()));
    }
  }

  static String fmt(double[] v) {
    List<String> s = new ArrayList<>();
    for (double d : v) {
      s.add(String.format("%.3f", d));
    }
    return s.toString();
  }

  /** Minimal {@code --key value} parsing shared by the tools. */
  static final class CommandArgs {
    private CommandArgs() {}

    static Map<String, List<String>> parse(String[] args) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--")) {
          throw new IllegalArgumentException("Unexpected argument '" + args[i] + "': options are --name value");
        }
        String key = args[i].substring(2);
        String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
      return out;
    }

    static String required(Map<String, List<String>> a, String key) {
      List<String> v = a.get(key);
      if (v == null) {
        throw new IllegalArgumentException("Missing --" + key);
      }
      return v.get(0);
    }

    static String optional(Map<String, List<String>> a, String key, String fallback) {
      List<String> v = a.get(key);
      return v == null ? fallback : v.get(0);
    }

    /** The tuned parameters (what the service trains with) with {@code key=value} overrides in BoosterParams' string names. */
    static BoosterParams params(List<String> overrides) {
      try {
        return BoosterParams.tunedWith(overrides);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--param " + e.getMessage(), e);
      }
    }
  }
}
