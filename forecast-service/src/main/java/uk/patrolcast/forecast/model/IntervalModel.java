package uk.patrolcast.forecast.model;

/**
 * 80% prediction intervals from the count distribution: for horizon h, the central interval of a
 * negative binomial with the forecast mean and a dispersion fitted on validation forecasts of that
 * horizon. Counts are whole numbers, so a central interval at exactly 80% covers more than 80% of
 * low counts (most areas see 0-3 burglaries a month); the interval's probability level is therefore
 * calibrated per horizon on validation so that its realised coverage there is the target. Wards get
 * their own dispersion and level, fitted on ward sums: the spread of a sum is not a sum of spreads
 * (nor of quantiles), and ward-level shocks shared by its areas show up only in the sums.
 *
 * @param areaDispersion alpha per horizon (index h-1) for areas
 * @param areaLevel central probability level per horizon for areas
 * @param wardDispersion alpha per horizon for wards
 * @param wardLevel level per horizon for wards
 * @param targetCoverage the coverage the levels were calibrated to on validation
 */
public record IntervalModel(
    double[] areaDispersion, double[] areaLevel, double[] wardDispersion, double[] wardLevel, double targetCoverage) {

  public static final String METHOD =
      "negative binomial around the forecast mean, dispersion per horizon fitted on rolling-origin validation, "
          + "central level calibrated on validation to the target coverage; wards: NB fitted on ward sums";

  public int horizons() {
    return areaDispersion.length;
  }

  public double areaLower(double mu, int horizon) {
    return bound(mu, areaDispersion[horizon - 1], (1 - areaLevel[horizon - 1]) / 2);
  }

  public double areaUpper(double mu, int horizon) {
    return bound(mu, areaDispersion[horizon - 1], (1 + areaLevel[horizon - 1]) / 2);
  }

  public double wardLower(double mu, int horizon) {
    return bound(mu, wardDispersion[horizon - 1], (1 - wardLevel[horizon - 1]) / 2);
  }

  public double wardUpper(double mu, int horizon) {
    return bound(mu, wardDispersion[horizon - 1], (1 + wardLevel[horizon - 1]) / 2);
  }

  private static double bound(double mu, double alpha, double p) {
    return NegativeBinomial.quantile(p, mu, alpha);
  }

  /**
   * Fits one horizon: the dispersion by maximum likelihood, then the smallest central level whose
   * coverage of {@code y} reaches {@code target} (bisection; coverage only grows with the level).
   *
   * @return {alpha, level}
   */
  public static double[] calibrate(double[] mu, int[] y, double target) {
    double alpha = Dispersion.fit(mu, y);
    double lo = 0.2;
    double hi = 0.995;
    if (coverage(mu, y, alpha, lo) >= target) {
      return new double[] {alpha, lo};
    }
    if (coverage(mu, y, alpha, hi) < target) {
      return new double[] {alpha, hi};
    }
    for (int it = 0; it < 30; it++) {
      double mid = (lo + hi) / 2;
      if (coverage(mu, y, alpha, mid) >= target) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new double[] {alpha, hi};
  }

  /** Share of {@code y} inside the central {@code level} interval of NB(mu, alpha). */
  public static double coverage(double[] mu, int[] y, double alpha, double level) {
    long in = 0;
    for (int i = 0; i < mu.length; i++) {
      int lower = NegativeBinomial.quantile((1 - level) / 2, mu[i], alpha);
      int upper = NegativeBinomial.quantile((1 + level) / 2, mu[i], alpha);
      if (y[i] >= lower && y[i] <= upper) {
        in++;
      }
    }
    return (double) in / mu.length;
  }
}
