package uk.patrolcast.forecast.model;

import org.apache.commons.math3.special.Gamma;

/**
 * The negative binomial count distribution in the mean-dispersion form (NB2): mean {@code mu},
 * variance {@code mu + alpha·mu²}; {@code alpha = 0} is the Poisson distribution.
 */
public final class NegativeBinomial {
  /** Below this dispersion the Poisson formulas are used (the NB limit). */
  static final double POISSON_LIMIT = 1e-8;

  /** The quantile walk stops once its sum is within this of p (rounding could stop it a step late). */
  static final double WALK_SLACK = 1e-12;

  private NegativeBinomial() {}

  /** log P(Y = y). */
  public static double logPmf(int y, double mu, double alpha) {
    if (mu <= 0) {
      return y == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    if (alpha < POISSON_LIMIT) {
      return y * Math.log(mu) - mu - Gamma.logGamma(y + 1.0);
    }
    double r = 1 / alpha;
    return Gamma.logGamma(y + r) - Gamma.logGamma(r) - Gamma.logGamma(y + 1.0)
        + r * Math.log(r / (r + mu)) + y * Math.log(mu / (r + mu));
  }

  /**
   * The sum over i of {@code logPmf(y[i], max(mu[i], floor), alpha)}, bit for bit (same terms, same
   * order), with the log-gamma terms computed once per distinct count instead of once per row: the
   * dispersion fit evaluates this over hundreds of thousands of rows for each trial alpha.
   */
  static double logPmfSum(int[] y, double[] mu, double floor, double alpha) {
    int max = 0;
    for (int v : y) {
      max = Math.max(max, v);
    }
    double[] lgY1 = new double[max + 1];
    double[] lgYR = new double[max + 1];
    double r = 1 / alpha;
    boolean poisson = alpha < POISSON_LIMIT;
    double lgR = poisson ? 0 : Gamma.logGamma(r);
    for (int v = 0; v <= max; v++) {
      lgY1[v] = Gamma.logGamma(v + 1.0);
      lgYR[v] = poisson ? 0 : Gamma.logGamma(v + r);
    }
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double m = Math.max(mu[i], floor);
      int v = y[i];
      if (m <= 0) {
        s += v == 0 ? 0 : Double.NEGATIVE_INFINITY;
      } else if (poisson) {
        s += v * Math.log(m) - m - lgY1[v];
      } else {
        s += lgYR[v] - lgR - lgY1[v] + r * Math.log(r / (r + m)) + v * Math.log(m / (r + m));
      }
    }
    return s;
  }

  /** P(Y <= k). */
  public static double cdf(int k, double mu, double alpha) {
    if (k < 0) {
      return 0;
    }
    double sum = 0;
    Pmf pmf = new Pmf(mu, alpha);
    for (int y = 0; y <= k; y++) {
      sum += pmf.next();
    }
    return Math.min(1, sum);
  }

  /** The p-quantile: the smallest k with P(Y <= k) >= p. */
  public static int quantile(double p, double mu, double alpha) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must lie in (0, 1), got " + p);
    }
    if (mu <= 0) {
      return 0;
    }
    Pmf pmf = new Pmf(mu, alpha);
    double sum = 0;
    int k = -1;
    while (sum < p - WALK_SLACK) {
      sum += pmf.next();
      k++;
      if (k > 100_000) {
        break;
      }
    }
    return Math.max(k, 0);
  }

  /**
   * {S(y-1), S(y)}: the running sums of P(Y=0..k) exactly as {@link #quantile} accumulates them
   * (S(-1) = 0), so that {@code quantile(p) <= y} iff {@code S(y) >= p - WALK_SLACK}. A mean of 0 or
   * less is the point mass at 0.
   */
  static double[] cumulativeAround(int y, double mu, double alpha) {
    if (mu <= 0) {
      return new double[] {y == 0 ? 0 : 1, 1};
    }
    Pmf pmf = new Pmf(mu, alpha);
    double before = 0;
    double sum = 0;
    for (int k = 0; k <= y; k++) {
      before = sum;
      sum += pmf.next();
    }
    return new double[] {before, sum};
  }

  /** Probabilities P(Y=0), P(Y=1), ... by the ratio recurrence (stable for the means seen here). */
  private static final class Pmf {
    private final double mu;
    private final double alpha;
    private int y = -1;
    private double logP;

    Pmf(double mu, double alpha) {
      this.mu = mu;
      this.alpha = alpha;
    }

    double next() {
      y++;
      if (y == 0) {
        logP = logPmf(0, mu, alpha);
      } else if (alpha < POISSON_LIMIT) {
        logP += Math.log(mu / y);
      } else {
        double r = 1 / alpha;
        logP += Math.log((y - 1 + r) / y) + Math.log(mu / (r + mu));
      }
      return Math.exp(logP);
    }
  }
}
