package uk.patrolcast.forecast.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import uk.patrolcast.forecast.features.ModelFeatures;
import uk.patrolcast.forecast.features.TrainingRows;

/** Fits one booster: a fixed number of rounds, or with early stopping on validation rows. */
public final class BoosterTraining {
  /**
   * Rounds without improvement on validation before training stops: the same amount of learning
   * ({@code rounds × eta} = 4) whatever the learning rate, so 40 rounds at eta 0.1 and 20 at 0.2,
   * never fewer than 10.
   */
  public static int earlyStoppingRounds(BoosterParams params) {
    return Math.max(10, (int) Math.ceil(4.0 / params.eta() - 1e-9));
  }

  private BoosterTraining() {}

  /**
   * @param valid validation rows for early stopping, or null to train exactly {@code rounds}
   * @param rounds rounds to train without validation; the cap is {@link BoosterParams#maxRounds()}
   *     with it
   */
  public static CountModel train(TrainingRows train, TrainingRows valid, BoosterParams params, ModelFeatures features, int rounds,
      long seed, int threads) {
    DMatrix dtrain = null;
    DMatrix dvalid = null;
    try {
      dtrain = matrix(train, params);
      if (params.recencyHalfLife() > 0) {
        dtrain.setWeight(recencyWeights(train, params.recencyHalfLife()));
      }
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      int maxRounds = rounds;
      int early = 0;
      if (valid != null) {
        dvalid = matrix(valid, params);
        watches.put("valid", dvalid);
        maxRounds = params.maxRounds();
        early = earlyStoppingRounds(params);
      }
      Map<String, Object> xgb = params.xgboost(seed, threads);
      float[][] history = new float[watches.size()][maxRounds];
      Booster booster = XGBoost.train(dtrain, xgb, maxRounds, watches, history, null, null, early);
      int used = maxRounds;
      if (valid != null) {
        String best = booster.getAttr("best_iteration");
        used = best == null ? maxRounds : Integer.parseInt(best) + 1;
      }
      return new CountModel(booster, params, features, used);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      if (dtrain != null) {
        dtrain.dispose();
      }
      if (dvalid != null) {
        dvalid.dispose();
      }
    }
  }

  /**
   * Per row, {@code 0.5^(age / halfLife)} with age in months before the latest origin of the rows,
   * scaled to mean 1 so that {@code min_child_weight} and {@code lambda} keep their meaning.
   */
  static float[] recencyWeights(TrainingRows rows, int halfLife) {
    int[] origins = rows.originIndex();
    int last = Arrays.stream(origins).max().orElseThrow();
    double[] perOrigin = new double[origins.length];
    double sum = 0;
    for (int k = 0; k < origins.length; k++) {
      perOrigin[k] = Math.pow(0.5, (last - origins[k]) / (double) halfLife);
      sum += perOrigin[k];
    }
    float[] w = new float[rows.rows()];
    for (int k = 0; k < origins.length; k++) {
      Arrays.fill(w, k * rows.areas(), (k + 1) * rows.areas(), (float) (perOrigin[k] * origins.length / sum));
    }
    return w;
  }

  private static DMatrix matrix(TrainingRows rows, BoosterParams params) throws XGBoostError {
    DMatrix m = new DMatrix(rows.features(), rows.rows(), rows.width(), Float.NaN);
    m.setLabel(rows.labels());
    if (params.offset()) {
      m.setBaseMargin(CountModel.margins(rows.priors(), rows.rows(), params.logLink()));
    }
    return m;
  }
}
