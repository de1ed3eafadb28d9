package uk.patrolcast.forecast.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.features.PointInTimeRisk;

/**
 * Turns a trained model and the data up to an origin into the origin's forecasts: recursive means
 * for 12 horizons, 80% intervals, ward sums with their own intervals, and the top SHAP drivers of
 * each area's next month.
 */
public final class Forecaster {
  private final int topDrivers;

  public Forecaster(int topDrivers) {
    this.topDrivers = topDrivers;
  }

  /** @param table the data up to and including the origin (its last month) */
  public ForecastSet forecast(TrainedModel trained, FeatureTable table) {
    CountModel model = trained.model();
    int horizons = ModelTrainer.HORIZONS;
    RecursiveForecaster.Paths paths = RecursiveForecaster.forecast(model, table, horizons, new PointInTimeRisk(table));
    AreaProfiles areas = table.areas();
    AreaProfiles.WardIndex wards = areas.wardIndex();
    IntervalModel iv = trained.intervals();
    int n = areas.size();
    double[][] lower = new double[horizons][n];
    double[][] upper = new double[horizons][n];
    double[][] wardMean = new double[horizons][];
    double[][] wardLower = new double[horizons][wards.size()];
    double[][] wardUpper = new double[horizons][wards.size()];
    for (int h = 1; h <= horizons; h++) {
      double[] mu = paths.means()[h - 1];
      for (int i = 0; i < n; i++) {
        lower[h - 1][i] = iv.areaLower(mu[i], h);
        upper[h - 1][i] = iv.areaUpper(mu[i], h);
      }
      wardMean[h - 1] = wards.sum(mu);
      for (int w = 0; w < wards.size(); w++) {
        wardLower[h - 1][w] = iv.wardLower(wardMean[h - 1][w], h);
        wardUpper[h - 1][w] = iv.wardUpper(wardMean[h - 1][w], h);
      }
    }
    List<List<ForecastSet.Driver>> drivers = drivers(model, paths.firstRows(), paths.firstPriors(), n);
    return new ForecastSet(trained.version(), table.lastMonth(), table.revision(table.lastMonth()), areas, wards, paths.means(), lower, upper,
        wardMean, wardLower, wardUpper, drivers);
  }

  /**
   * The same forecasts with each area's top drivers added: only the horizon-1 rows are built again
   * (the drivers explain the next month), not the 12-horizon recursion and the intervals, which
   * {@code means} already holds for this model and table.
   *
   * @param means this model's forecast of this table (without drivers)
   */
  public ForecastSet explain(TrainedModel trained, FeatureTable table, ForecastSet means) {
    if (!means.modelVersion().equals(trained.version()) || !means.origin().equals(table.lastMonth())
        || means.dataRevision() != table.revision(table.lastMonth())) {
      throw new IllegalArgumentException("the forecasts to explain (" + means.modelVersion() + ", origin " + means.origin() + " r"
          + means.dataRevision() + ") are not this model's of this table");
    }
    CountModel model = trained.model();
    RecursiveForecaster.Paths first = RecursiveForecaster.forecast(model, table, 1, new PointInTimeRisk(table));
    return means.withDrivers(drivers(model, first.firstRows(), first.firstPriors(), table.areas().size()));
  }

  private List<List<ForecastSet.Driver>> drivers(CountModel model, float[] rows, float[] priors, int n) {
    if (topDrivers == 0) {
      // SHAP is most of a refresh's cost: skip it when no drivers are wanted (a backtest).
      return Collections.nCopies(n, List.of());
    }
    List<String> names = model.featureNames();
    int width = names.size();
    float[][] contrib = model.contributions(rows, priors, n);
    List<List<ForecastSet.Driver>> out = new ArrayList<>(n);
    Integer[] order = new Integer[width];
    for (int i = 0; i < n; i++) {
      float[] c = contrib[i];
      for (int f = 0; f < width; f++) {
        order[f] = f;
      }
      // Largest absolute contribution first; the feature order breaks ties, so drivers are stable.
      Arrays.sort(order, Comparator.comparingDouble((Integer f) -> -Math.abs(c[f])).thenComparingInt(f -> f));
      List<ForecastSet.Driver> top = new ArrayList<>(topDrivers);
      for (int k = 0; k < Math.min(topDrivers, width); k++) {
        int f = order[k];
        top.add(new ForecastSet.Driver(names.get(f), rows[i * width + f], c[f]));
      }
      out.add(top);
    }
    return out;
  }

  /** Mean absolute SHAP contribution per feature over the rows (global importance). */
  public static double[] meanAbsContributions(CountModel model, float[] rows, float[] priors, int n) {
    float[][] contrib = model.contributions(rows, priors, n);
    int width = model.featureNames().size();
    double[] out = new double[width];
    for (float[] c : contrib) {
      for (int f = 0; f < width; f++) {
        out[f] += Math.abs(c[f]);
      }
    }
    for (int f = 0; f < width; f++) {
      out[f] /= n;
    }
    return out;
  }
}
