package uk.patrolcast.forecast.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import uk.patrolcast.forecast.data.FeatureCsv;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.eval.Baselines;
import uk.patrolcast.forecast.eval.MetricValues;
import uk.patrolcast.forecast.eval.Scoring;
import uk.patrolcast.forecast.features.PointInTimeRisk;
import uk.patrolcast.forecast.model.BoosterTraining;
import uk.patrolcast.forecast.model.BoosterParams;
import uk.patrolcast.forecast.model.ForecastSet;
import uk.patrolcast.forecast.model.Forecaster;
import uk.patrolcast.forecast.model.ModelTrainer;
import uk.patrolcast.forecast.model.RecursiveForecaster;
import uk.patrolcast.forecast.model.TrainedModel;
import uk.patrolcast.platform.config.Months;

/**
 * Training and forecast times on this machine, printed: a full retrain (rolling-origin validation
 * with early stopping in every fold, the final booster, the interval model and importances) with the
 * tuned parameters, and a forecast refresh of one origin (every area, 12 recursive horizons,
 * intervals, ward sums and SHAP drivers), repeated.
 *
 * <pre>
 * java -cp ... uk.patrolcast.forecast.tools.ForecastBenchmark --features features.csv[.gz] \
 *     --neighbours neighbours.csv --train-until 2023-02 [--repeats 5] [--seed N] [--param k=v ...]
 *     [--trial k=v,k=v ...]   (further recipes over the --param ones, each a full retrain with its
 *                              validation figures; --repeats 0 skips the refresh)
 * </pre>
 */
public final class ForecastBenchmark {
  private ForecastBenchmark() {}

  public static void main(String[] args) {
    Map<String, List<String>> a = EvaluateFromCsv.CommandArgs.parse(args);
    FeatureTable table = FeatureCsv.read(Path.of(EvaluateFromCsv.CommandArgs.required(a, "features")),
        Path.of(EvaluateFromCsv.CommandArgs.required(a, "neighbours")));
    YearMonth cutoff = Months.parse(EvaluateFromCsv.CommandArgs.required(a, "train-until"));
    int repeats = Integer.parseInt(EvaluateFromCsv.CommandArgs.optional(a, "repeats", "5"));
    ModelTrainer.Settings standard = ModelTrainer.Settings.standard();
    // Another seed measures how much of a recipe's validation figures the seed alone makes.
    ModelTrainer.Settings settings = new ModelTrainer.Settings(standard.scheme(),
        Long.parseLong(EvaluateFromCsv.CommandArgs.optional(a, "seed", Long.toString(standard.seed()))), standard.threads(),
        standard.targetCoverage());
    List<String> base = a.getOrDefault("param", List.of());
    List<BoosterParams> recipes = new ArrayList<>();
    recipes.add(EvaluateFromCsv.CommandArgs.params(base));
    for (String t : a.getOrDefault("trial", List.of())) {
      List<String> overrides = new ArrayList<>(base);
      overrides.addAll(List.of(t.split(",")));
      recipes.add(EvaluateFromCsv.CommandArgs.params(overrides));
    }
    System.out.printf("Data: %s; seed %d; %d cores available; max heap %d MB; load average %.1f%n", table, settings.seed(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());

    TrainedModel model = null;
    for (BoosterParams params : recipes) {
      System.out.println("Parameters: " + params.asStrings() + "; early stopping after " + BoosterTraining.earlyStoppingRounds(params)
          + " rounds without gain");
      long t0 = System.nanoTime();
      double cpu0 = cpuSeconds();
      double load0 = loadAverage();
      TrainedModel trained = new ModelTrainer(settings).train(table, cutoff, params);
      double train = (System.nanoTime() - t0) / 1e9;
      System.out.printf("Full retrain (validation folds %s + final booster of %d rounds + intervals): %.1f s wall, %.1f s CPU"
          + " (load average %.1f before, %.1f after)%n", trained.folds().stream().map(f -> f.bestRounds()).toList(), trained.model().rounds(),
          train, cpuSeconds() - cpu0, load0, loadAverage());
      printValidation(trained);
      if (model == null) {
        model = trained; // the refresh below uses the first recipe
      } else {
        trained.close();
      }
    }
    if (repeats < 1) {
      model.close();
      return;
    }

    FeatureTable upTo = table.upTo(cutoff);
    Forecaster forecaster = new Forecaster(5);
    double[] refresh = new double[repeats];
    double[] refreshCpu = new double[repeats];
    double[] recursion = new double[repeats];
    double[] recursionCpu = new double[repeats];
    ForecastSet set = null;
    for (int r = 0; r < repeats; r++) {
      long s = System.nanoTime();
      double c = cpuSeconds();
      set = forecaster.forecast(model, upTo);
      refresh[r] = (System.nanoTime() - s) / 1e9;
      refreshCpu[r] = cpuSeconds() - c;
      s = System.nanoTime();
      c = cpuSeconds();
      RecursiveForecaster.forecast(model.model(), upTo, ModelTrainer.HORIZONS, new PointInTimeRisk(upTo));
      recursion[r] = (System.nanoTime() - s) / 1e9;
      recursionCpu[r] = cpuSeconds() - c;
    }
    System.out.printf("Forecast refresh (%d areas x 12 horizons, intervals, %d wards, drivers): median %.2f s wall (runs %s), CPU %s s%n",
        set.areas().size(), set.wards().size(), median(refresh), fmt(refresh), fmt(refreshCpu));
    System.out.printf("  of which the 12 recursive predictions (and the point-in-time risk fit): median %.2f s wall (runs %s), CPU %s s%n",
        median(recursion), fmt(recursion), fmt(recursionCpu));
    System.out.printf("Load average at the end: %.1f%n", loadAverage());
    System.out.printf("Peak heap: %d MB%n", peakHeapMb());
    model.close();
  }

  /**
   * What the recipes are chosen on (validation months only, all at or before the cut-off): the
   * search's score (folds' mean of one-step and recursive deviance), and horizon-1 deviance and hit
   * rate at 5% pooled over the folds' one-step forecasts, beside the best baseline on each.
   */
  private static void printValidation(TrainedModel m) {
    double oneStep = m.folds().stream().mapToDouble(TrainedModel.FoldSummary::oneStepDeviance).average().orElseThrow();
    double recursive = m.folds().stream().mapToDouble(TrainedModel.FoldSummary::recursiveDeviance).average().orElseThrow();
    MetricValues model = Scoring.find(m.validation(), Scoring.MODEL, 1);
    MetricValues bestDev = null;
    MetricValues bestHit = null;
    for (String b : Baselines.NAMES) {
      MetricValues v = Scoring.find(m.validation(), b, 1);
      if (bestDev == null || v.poissonDeviance() < bestDev.poissonDeviance()) {
        bestDev = v;
      }
      if (bestHit == null || v.hitRate5() > bestHit.hitRate5()) {
        bestHit = v;
      }
    }
    System.out.printf("Validation %s..%s: score %.5f (one-step %.5f, recursive %.5f); h1 pooled: deviance %.5f (%s %.5f, %.2f%% lower),"
        + " hit rate 5%% %.6f (%s %.6f, %+.3f points), RMSE %.4f, coverage80 %s%n", Months.format(m.validationFrom()),
        Months.format(m.validationTo()), (oneStep + recursive) / 2, oneStep, recursive, model.poissonDeviance(), bestDev.method(),
        bestDev.poissonDeviance(), 100 * (1 - model.poissonDeviance() / bestDev.poissonDeviance()), model.hitRate5(), bestHit.method(),
        bestHit.hitRate5(), 100 * (model.hitRate5() - bestHit.hitRate5()), model.rmse(),
        model.coverage80() == null ? "-" : String.format("%.4f", model.coverage80()));
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String fmt(double[] v) {
    StringBuilder b = new StringBuilder();
    for (double d : v) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format("%.2f", d));
    }
    return b.toString();
  }

  /** CPU time of the whole process (the JVM's threads and XGBoost's native ones). */
  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}
