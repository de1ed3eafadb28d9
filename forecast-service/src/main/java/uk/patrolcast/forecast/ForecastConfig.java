package uk.patrolcast.forecast;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import uk.patrolcast.forecast.model.BoosterParams;
import uk.patrolcast.forecast.model.ModelTrainer;
import uk.patrolcast.forecast.model.ValidationScheme;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the forecast service: the shared ones plus its own. */
public final class ForecastConfig extends ServiceConfig {
  public static final String MODE = "patrolcast.mode";
  public static final String TRAIN_UNTIL = "forecast.train.until";
  public static final String RETRAIN_EVERY = "forecast.retrain.every.months";
  public static final String SETTLE_MS = "forecast.settle.ms";
  public static final String BACKTEST_MONTHS = "forecast.backtest.months";
  public static final String SEARCH_TRIALS = "forecast.search.trials";
  public static final String COMPARE_OBJECTIVES = "forecast.search.compare.objectives";
  public static final String PARAMS = "forecast.params";
  public static final String SEED = "forecast.seed";
  public static final String THREADS = "forecast.threads";
  public static final String FOLDS = "forecast.validation.folds";
  public static final String FOLD_STEP = "forecast.validation.step.months";
  public static final String FOLD_WINDOW = "forecast.validation.window.months";
  public static final String COVERAGE = "forecast.interval.target.coverage";
  public static final String DRIVERS = "forecast.drivers.top";
  public static final String RISK_WINDOW = "forecast.risk.window.months";

  public static final ConfigDef DEFINITION = ServiceConfig.base()
      .define(MODE, Type.STRING, "up", ValidString.in("up", "run"), Importance.HIGH,
          "run: train once on complete snapshots up to forecast.train.until, then forecast every origin from that month on; "
              + "up: load or train a champion, forecast each new month at once, retrain on a schedule (champion/challenger).")
      .define(TRAIN_UNTIL, Type.STRING, "", Importance.HIGH,
          "YYYY-MM: last month whose counts training may use (required in run mode; in up mode, empty trains up to the latest complete month).")
      .define(RETRAIN_EVERY, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
          "up mode: train a challenger once the latest complete month is this many months past the champion's cut-off.")
      .define(SETTLE_MS, Type.LONG, 5000L, Range.atLeast(0), Importance.LOW,
          "up mode: wait this long without a new snapshot before training, so a replay of history trains once, at its end.")
      .define(BACKTEST_MONTHS, Type.INT, 12, Range.between(0, 120), Importance.MEDIUM,
          "up mode without forecast.train.until: train the first champion this many months before the latest complete month and "
              + "forecast every origin from there on with it, so the last months have honest out-of-sample one-month-ahead forecasts "
              + "(as run --train-until gives); a challenger is then trained at the latest month. 0: the first champion is trained at the "
              + "latest month. The history needed grows by these months.")
      .define(SEARCH_TRIALS, Type.INT, 1, Range.between(1, 500), Importance.MEDIUM,
          "Hyperparameter search budget per training: trials on rolling-origin validation (1 = the configured parameters only).")
      .define(COMPARE_OBJECTIVES, Type.BOOLEAN, true, Importance.LOW,
          "Spend the search's first trials on the other objectives at the configured parameters.")
      .define(PARAMS, Type.LIST, List.of(), ForecastConfig::requireBoosterOverrides, Importance.MEDIUM,
          "Overrides of the tuned model parameters, key=value (keys of BoosterParams: objective, eta, max_depth, ...).")
      .define(SEED, Type.LONG, ModelTrainer.Settings.standard().seed(), Importance.LOW, "Seed of XGBoost and of the search.")
      .define(THREADS, Type.INT, 2, Range.atLeast(1), Importance.LOW, "XGBoost threads.")
      .define(FOLDS, Type.INT, ValidationScheme.standard().folds(), Range.atLeast(1), Importance.LOW, "Rolling-origin validation folds.")
      .define(FOLD_STEP, Type.INT, ValidationScheme.standard().stepMonths(), Range.atLeast(1), Importance.LOW,
          "Months between the folds' cut-offs.")
      .define(FOLD_WINDOW, Type.INT, ValidationScheme.standard().windowMonths(), Range.between(1, 12), Importance.LOW,
          "Validation months per fold (also the horizons validated recursively).")
      .define(COVERAGE, Type.DOUBLE, ModelTrainer.Settings.standard().targetCoverage(), Range.between(0.5, 0.99), Importance.LOW,
          "Coverage the 80% intervals are calibrated to on validation.")
      .define(DRIVERS, Type.INT, 5, Range.between(0, 50), Importance.LOW, "Top drivers published with each LSOA forecast.")
      .define(RISK_WINDOW, Type.INT, 36, Range.atLeast(1), Importance.LOW,
          "Months of counts, ending at the training cut-off, the static risk regression is fitted on.");

  public ForecastConfig(Map<?, ?> values) {
    super(DEFINITION, values);
    if (runMode() && trainUntil() == null) {
      throw new ConfigException(TRAIN_UNTIL, "", "run mode needs the month training stops at (YYYY-MM)");
    }
  }

  /**
   * A bad override fails when the settings are read ({@code patrolcast} checks them before it starts
   * anything), not at the first training hours later.
   */
  private static void requireBoosterOverrides(String name, Object value) {
    try {
      @SuppressWarnings("unchecked")
      List<String> overrides = (List<String>) value;
      BoosterParams.tunedWith(overrides);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, value, e.getMessage());
    }
  }

  public boolean runMode() {
    return "run".equals(getString(MODE));
  }

  /** The training cut-off, or null when not set. */
  public YearMonth trainUntil() {
    String v = getString(TRAIN_UNTIL);
    return v == null || v.isBlank() ? null : Months.parse(v.trim());
  }

  public int retrainEveryMonths() {
    return getInt(RETRAIN_EVERY);
  }

  public long settleMillis() {
    return getLong(SETTLE_MS);
  }

  /** Months before the latest complete month the first champion is trained at (up mode, no fixed cut-off). */
  public int backtestMonths() {
    return getInt(BACKTEST_MONTHS);
  }

  public int searchTrials() {
    return getInt(SEARCH_TRIALS);
  }

  public boolean compareObjectives() {
    return getBoolean(COMPARE_OBJECTIVES);
  }

  /** The tuned parameters with this configuration's overrides. */
  public BoosterParams params() {
    try {
      return BoosterParams.tunedWith(getList(PARAMS));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(PARAMS, getList(PARAMS), e.getMessage());
    }
  }

  public ModelTrainer.Settings trainerSettings() {
    return new ModelTrainer.Settings(new ValidationScheme(getInt(FOLDS), getInt(FOLD_STEP), getInt(FOLD_WINDOW)), getLong(SEED),
        getInt(THREADS), getDouble(COVERAGE));
  }

  public int topDrivers() {
    return getInt(DRIVERS);
  }

  public int riskWindowMonths() {
    return getInt(RISK_WINDOW);
  }
}
