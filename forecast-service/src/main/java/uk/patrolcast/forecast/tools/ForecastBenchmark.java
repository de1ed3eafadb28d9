package uk.patrolcast.forecast.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import uk.patrolcast.forecast.data.FeatureCsv;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.features.PointInTimeRisk;
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
 *     --neighbours neighbours.csv --train-until 2023-02 [--repeats 5] [--param k=v ...]
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
    BoosterParams params = a.containsKey("param") ? EvaluateFromCsv.CommandArgs.params(a.get("param")) : BoosterParams.tuned();
    System.out.printf("Data: %s; %d cores available; max heap %d MB; load average %.1f%n", table, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("Parameters: " + params.asStrings());

    long t0 = System.nanoTime();
    double cpu0 = cpuSeconds();
    TrainedModel model = new ModelTrainer(ModelTrainer.Settings.standard()).train(table, cutoff, params);
    double train = (System.nanoTime() - t0) / 1e9;
    System.out.printf("Full retrain (validation folds %s + final booster of %d rounds + intervals): %.1f s wall, %.1f s CPU%n",
        model.folds().stream().map(f -> f.bestRounds()).toList(), model.model().rounds(), train, cpuSeconds() - cpu0);

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
    System.out.printf("Load average at the end: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf("Peak heap: %d MB%n", peakHeapMb());
    model.close();
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
