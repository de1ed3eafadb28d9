package uk.patrolcast.forecast.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.eval.AreaForecast;
import uk.patrolcast.forecast.eval.MetricValues;
import uk.patrolcast.forecast.eval.Scoring;
import uk.patrolcast.forecast.features.ModelFeatures;
import uk.patrolcast.forecast.features.PointInTimeRisk;
import uk.patrolcast.forecast.features.TrainingRows;
import uk.patrolcast.platform.config.Months;

/**
 * Trains a forecast model up to a cut-off: rolling-origin validation (early stopping picks each
 * fold's rounds), the final booster on the latest {@code trainYears} of origins with the folds' mean
 * rounds, and the interval model fitted on the folds' forecasts. The table is cut at the cut-off
 * before anything else happens: no later month can reach the model.
 */
public final class ModelTrainer {
  private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

  /** Horizons every model forecasts. */
  public static final int HORIZONS = 12;

  /**
   * @param targetCoverage coverage the 80% intervals are calibrated to on validation
   */
  public record Settings(ValidationScheme scheme, long seed, int threads, double targetCoverage) {
    public static Settings standard() {
      return new Settings(ValidationScheme.standard(), 20240229L, 2, 0.85);
    }
  }

  private final Settings settings;

  public ModelTrainer(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  public TrainedModel train(FeatureTable table, YearMonth trainUntil, BoosterParams params) {
    return train(table, trainUntil, params, null, List.of());
  }

  /**
   * @param folds the validation of {@code params} if already run (by the search), else null
   */
  public TrainedModel train(FeatureTable table, YearMonth trainUntil, BoosterParams params, List<FoldResult> folds,
      List<TrainedModel.SearchTrial> search) {
    long started = System.nanoTime();
    FeatureTable known = table.upTo(trainUntil);
    PointInTimeRisk risk = new PointInTimeRisk(known);
    if (folds == null) {
      folds = RollingOriginValidation.run(known, trainUntil, params, settings.scheme(), settings.seed(), settings.threads(), risk);
    }
    int rounds = (int) Math.round(folds.stream().mapToInt(FoldResult::bestRounds).average().orElseThrow());
    ModelFeatures features = params.features();
    YearMonth first = RollingOriginValidation.firstOrigin(known, trainUntil, params.trainYears());
    TrainingRows rows = TrainingRows.build(known, features, first, trainUntil.minusMonths(1), risk);
    long validated = System.nanoTime();
    CountModel model = BoosterTraining.train(rows, null, params, features, Math.max(1, rounds), settings.seed(), settings.threads());
    long boosted = System.nanoTime();
    IntervalModel intervals = calibrateIntervals(known, folds);
    List<AreaForecast> oneStep = new ArrayList<>();
    List<AreaForecast> recursive = new ArrayList<>();
    for (FoldResult f : folds) {
      f.oneStep().forEach(a -> oneStep.add(withIntervals(a, intervals)));
      f.recursive().forEach(a -> recursive.add(withIntervals(a, intervals)));
    }
    List<MetricValues> validation = new ArrayList<>(Scoring.score(known.counts(), oneStep, null, false));
    validation.addAll(Scoring.score(known.counts(), recursive.stream().filter(a -> a.horizon() > 1).toList(), null, false));
    List<TrainedModel.FoldSummary> summaries = folds.stream().map(TrainedModel.FoldSummary::of).toList();
    long calibrated = System.nanoTime();
    List<TrainedModel.Importance> importances = importances(model, rows);
    log.info("Training stages: validation and final rows {} s, final booster {} s, intervals and validation scores {} s, importances {} s",
        seconds(started, validated), seconds(validated, boosted), seconds(boosted, calibrated), seconds(calibrated, System.nanoTime()));
    String version = version(trainUntil, params, model.boosterBytes());
    log.info("Trained {} on origins {}..{} ({} rounds) in {} s; validation one-step deviance {}", version, Months.format(first),
        Months.format(trainUntil.minusMonths(1)), rounds, String.format("%.1f", (System.nanoTime() - started) / 1e9),
        String.format("%.4f", summaries.stream().mapToDouble(TrainedModel.FoldSummary::oneStepDeviance).average().orElse(Double.NaN)));
    return new TrainedModel(version, model, first, trainUntil, intervals, settings.scheme(), summaries, validation, search, importances, settings.seed());
  }

  private static String seconds(long from, long to) {
    return String.format("%.1f", (to - from) / 1e9);
  }

  /** Mean |SHAP| over the rows of the last training origin, with total gain; largest first. */
  static List<TrainedModel.Importance> importances(CountModel model, TrainingRows rows) {
    int n = rows.areas();
    int width = rows.width();
    int from = (rows.originIndex().length - 1) * n;
    float[] x = java.util.Arrays.copyOfRange(rows.features(), from * width, (from + n) * width);
    float[] p = java.util.Arrays.copyOfRange(rows.priors(), from, from + n);
    double[] shap = Forecaster.meanAbsContributions(model, x, p, n);
    java.util.Map<String, Double> gains = model.gains();
    List<TrainedModel.Importance> out = new ArrayList<>();
    for (int f = 0; f < width; f++) {
      String name = model.featureNames().get(f);
      out.add(new TrainedModel.Importance(name, shap[f], gains.getOrDefault(name, 0.0)));
    }
    out.sort(java.util.Comparator.comparingDouble(TrainedModel.Importance::meanAbsShap).reversed()
        .thenComparing(TrainedModel.Importance::feature));
    return out;
  }

  /** Dispersion and level per horizon for areas (one-step rows for h=1) and for ward sums. */
  IntervalModel calibrateIntervals(FeatureTable known, List<FoldResult> folds) {
    AreaProfiles.WardIndex wards = known.areas().wardIndex();
    double[] aAlpha = new double[HORIZONS];
    double[] aLevel = new double[HORIZONS];
    double[] wAlpha = new double[HORIZONS];
    double[] wLevel = new double[HORIZONS];
    int window = settings.scheme().windowMonths();
    for (int h = 1; h <= HORIZONS; h++) {
      int source = Math.min(h, window);
      List<AreaForecast> pool = new ArrayList<>();
      for (FoldResult f : folds) {
        if (source == 1) {
          pool.addAll(f.oneStep());
        } else {
          pool.add(f.recursive().get(source - 1));
        }
      }
      double[][] area = pairs(known, pool, null);
      double[][] ward = pairs(known, pool, wards);
      double[] a = IntervalModel.calibrate(area[0], toInts(area[1]), settings.targetCoverage());
      double[] w = IntervalModel.calibrate(ward[0], toInts(ward[1]), settings.targetCoverage());
      aAlpha[h - 1] = a[0];
      aLevel[h - 1] = a[1];
      wAlpha[h - 1] = w[0];
      wLevel[h - 1] = w[1];
    }
    return new IntervalModel(aAlpha, aLevel, wAlpha, wLevel, settings.targetCoverage());
  }

  /** {means, actuals} over the forecasts, by area or summed by ward. */
  private static double[][] pairs(FeatureTable known, List<AreaForecast> forecasts, AreaProfiles.WardIndex wards) {
    int per = wards == null ? known.areas().size() : wards.size();
    double[] mu = new double[per * forecasts.size()];
    double[] y = new double[mu.length];
    int k = 0;
    for (AreaForecast f : forecasts) {
      double[] actual = toDoubles(known.counts().monthCounts(f.targetIndex()));
      double[] m = wards == null ? f.mean() : wards.sum(f.mean());
      double[] a = wards == null ? actual : wards.sum(actual);
      System.arraycopy(m, 0, mu, k, per);
      System.arraycopy(a, 0, y, k, per);
      k += per;
    }
    return new double[][] {mu, y};
  }

  static AreaForecast withIntervals(AreaForecast f, IntervalModel intervals) {
    double[] lo = new double[f.mean().length];
    double[] hi = new double[f.mean().length];
    int h = Math.min(f.horizon(), intervals.horizons());
    for (int i = 0; i < lo.length; i++) {
      lo[i] = intervals.areaLower(f.mean()[i], h);
      hi[i] = intervals.areaUpper(f.mean()[i], h);
    }
    return new AreaForecast(f.originIndex(), f.horizon(), f.mean(), lo, hi);
  }

  /** {@code fc-<cut-off>-<objective>-<first 10 hex of SHA-256 over parameters and booster>}. */
  static String version(YearMonth trainUntil, BoosterParams params, byte[] booster) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(params.asStrings().toString().getBytes(StandardCharsets.UTF_8));
      sha.update(booster);
      String objective = switch (params.objective()) {
        case BoosterParams.POISSON -> "poisson";
        case BoosterParams.TWEEDIE -> "tweedie";
        default -> "sqerr";
      };
      return "fc-" + Months.format(trainUntil) + "-" + objective + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int[] toInts(double[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (int) Math.round(v[i]);
    }
    return out;
  }

  private static double[] toDoubles(int[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
