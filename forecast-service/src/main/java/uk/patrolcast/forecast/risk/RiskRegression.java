package uk.patrolcast.forecast.risk;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.CountHistory;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.platform.config.Months;

/**
 * The static risk model: ordinary least squares of log burglaries per 1,000 residents per year on the
 * IoD 2019 domain scores, Census 2021 shares and log density (Apache Commons Math). The response
 * counts come only from the fitting window, which ends at the training cut-off.
 *
 * <p>Left out on purpose: the IMD score (a weighted sum of the domains: collinear with them) and the
 * private-rented share (owned + social + private rented = 1: collinear with the intercept). Half a
 * burglary is added to every count so that areas with none keep a finite log rate.
 */
public final class RiskRegression {
  /** Predictors, in order; all but logDensity are AreaProfiles static features. */
  public static final List<String> TERMS = List.of(
      "income", "employment", "education", "health", "crime", "housingBarriers", "livingEnvironment",
      "owned", "socialRented", "flats", "detached", "overcrowded", "students", "logDensity");

  private static final double HALF = 0.5;

  private RiskRegression() {}

  /** Fits on the {@code windowMonths} months ending at {@code until} (fewer if the data is shorter). */
  public static RiskFit fit(FeatureTable table, YearMonth until, int windowMonths) {
    CountHistory counts = table.counts();
    int to = counts.indexOf(until);
    if (to < 0 || to >= counts.months()) {
      throw new IllegalArgumentException("No counts for " + Months.format(until) + " in " + table);
    }
    int from = Math.max(0, to - windowMonths + 1);
    AreaProfiles areas = table.areas();
    int n = areas.size();
    double years = (to - from + 1) / 12.0;
    double[] observed = new double[n];
    double[] logRate = new double[n];
    double[][] x = new double[n][];
    List<Integer> usable = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long sum = 0;
      for (int m = from; m <= to; m++) {
        sum += counts.count(m, i);
      }
      double population = areas.staticValue(i, "population");
      observed[i] = population > 0 ? 1000.0 * sum / (years * population) : Double.NaN;
      logRate[i] = population > 0 ? Math.log(1000.0 * (sum + HALF) / (years * population)) : Double.NaN;
      x[i] = predictors(areas, i);
      if (population > 0 && finite(x[i])) {
        usable.add(i);
      }
    }
    int k = TERMS.size();
    if (usable.size() <= k + 1) {
      throw new IllegalArgumentException("Only " + usable.size() + " areas with a population and complete predictors: too few for "
          + (k + 1) + " coefficients");
    }
    double[] y = new double[usable.size()];
    double[][] design = new double[usable.size()][];
    for (int r = 0; r < usable.size(); r++) {
      y[r] = logRate[usable.get(r)];
      design[r] = x[usable.get(r)];
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, design);
    double[] beta = ols.estimateRegressionParameters();
    double[] se = ols.estimateRegressionParametersStandardErrors();
    int df = usable.size() - (k + 1);
    TDistribution t = new TDistribution(df);
    List<RiskFit.Term> terms = new ArrayList<>();
    for (int j = 0; j <= k; j++) {
      double tv = beta[j] / se[j];
      double p = 2 * t.cumulativeProbability(-Math.abs(tv));
      terms.add(new RiskFit.Term(j == 0 ? "intercept" : TERMS.get(j - 1), beta[j], se[j], tv, p));
    }
    double[] fitted = new double[n];
    for (int i = 0; i < n; i++) {
      double v = beta[0];
      for (int j = 0; j < k; j++) {
        v += beta[j + 1] * (finite(x[i]) ? x[i][j] : 0);
      }
      fitted[i] = v;
    }
    return new RiskFit(counts.month(from), until, usable.size(), ols.calculateRSquared(), ols.calculateAdjustedRSquared(),
        ols.estimateRegressionStandardError(), terms, fitted, observed);
  }

  private static double[] predictors(AreaProfiles areas, int i) {
    double[] x = new double[TERMS.size()];
    for (int j = 0; j < TERMS.size() - 1; j++) {
      x[j] = areas.staticValue(i, TERMS.get(j));
    }
    x[TERMS.size() - 1] = Math.log(Math.max(1.0, areas.staticValue(i, "density")));
    return x;
  }

  private static boolean finite(double[] v) {
    for (double d : v) {
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }
}
