package uk.patrolcast.forecast.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import uk.patrolcast.forecast.features.ModelFeatures;

/**
 * A trained XGBoost one-step count model: features of origin t → expected count of t+1. Offset models
 * add each row's prior (log of it for log-link objectives) as the base margin, so the trees learn
 * how far the next month departs from the area's own recent level. Means are never negative.
 */
public final class CountModel implements AutoCloseable {
  private final Booster booster;
  private final BoosterParams params;
  private final ModelFeatures features;
  private final int rounds;

  public CountModel(Booster booster, BoosterParams params, ModelFeatures features, int rounds) {
    this.booster = booster;
    this.params = params;
    this.features = features;
    this.rounds = rounds;
  }

  public BoosterParams params() {
    return params;
  }

  public ModelFeatures features() {
    return features;
  }

  /** Boosting rounds the predictions use. */
  public int rounds() {
    return rounds;
  }

  /** Expected counts for {@code n} rows of {@code x} (row-major, {@link ModelFeatures#size()} wide). */
  public double[] predict(float[] x, float[] priors, int n) {
    try {
      DMatrix m = matrix(x, priors, n);
      try {
        float[][] p;
        synchronized (booster) {
          p = booster.predict(m, false, rounds);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = Math.max(0, p[i][0]);
        }
        return out;
      } finally {
        m.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /**
   * SHAP contributions to the margin (log scale for log-link objectives) per row: one column per
   * feature, then the bias (which holds the offset).
   */
  public float[][] contributions(float[] x, float[] priors, int n) {
    try {
      DMatrix m = matrix(x, priors, n);
      try {
        synchronized (booster) {
          return booster.predictContrib(m, rounds);
        }
      } finally {
        m.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost contributions failed: " + e.getMessage(), e);
    }
  }

  /** Total gain per feature name (features never used are absent). */
  public Map<String, Double> gains() {
    try {
      synchronized (booster) {
        return new LinkedHashMap<>(booster.getScore(features.names().toArray(String[]::new), "total_gain"));
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost importance failed: " + e.getMessage(), e);
    }
  }

  /** The booster in XGBoost's UBJSON format. */
  public byte[] boosterBytes() {
    try {
      synchronized (booster) {
        return booster.toByteArray("ubj");
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("Cannot serialise the booster: " + e.getMessage(), e);
    }
  }

  public static CountModel load(byte[] bytes, BoosterParams params, ModelFeatures features, int rounds, int threads) {
    try {
      Booster b = XGBoost.loadModel(bytes);
      b.setParam("nthread", threads);
      return new CountModel(b, params, features, rounds);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot load the booster: " + e.getMessage(), e);
    }
  }

  DMatrix matrix(float[] x, float[] priors, int n) throws XGBoostError {
    int width = features.size();
    DMatrix m = x.length == (long) n * width ? new DMatrix(x, n, width, Float.NaN) : new DMatrix(java.util.Arrays.copyOf(x, n * width), n, width, Float.NaN);
    if (params.offset()) {
      m.setBaseMargin(margins(priors, n, params.logLink()));
    }
    return m;
  }

  static float[] margins(float[] priors, int n, boolean logLink) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = logLink ? (float) Math.log(priors[i]) : priors[i];
    }
    return out;
  }

  public List<String> featureNames() {
    return features.names();
  }

  @Override
  public void close() {
    synchronized (booster) {
      booster.dispose();
    }
  }
}
