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
    Coverage coverage = new Coverage(mu, y, alpha);
    double lo = 0.2;
    double hi = 0.995;
    if (coverage.at(lo) >= target) {
      return new double[] {alpha, lo};
    }
    if (coverage.at(hi) < target) {
      return new double[] {alpha, hi};
    }
    for (int it = 0; it < 30; it++) {
      double mid = (lo + hi) / 2;
      if (coverage.at(mid) >= target) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new double[] {alpha, hi};
  }

  /** Share of {@code y} inside the central {@code level} interval of NB(mu, alpha). */
  public static double coverage(double[] mu, int[] y, double alpha, double level) {
    return new Coverage(mu, y, alpha).at(level);
  }

  /**
   * Coverage at any level from one walk per observation: {@code y} lies in the central interval
   * [q((1-level)/2), q((1+level)/2)] exactly when the cumulative sums that
   * {@link NegativeBinomial#quantile} would walk through satisfy {@code S(y) >= p_lo - 1e-12} and
   * (for y > 0) {@code S(y-1) < p_hi - 1e-12}. The sums are the same floating-point values the
   * quantile walk adds up, so the answer equals computing both quantiles per level (tested), while
   * the bisection no longer repeats the walks for each of its ~30 levels.
   */
  static final class Coverage {
    private final int[] y;
    private final double[] below;
    private final double[] upTo;

    Coverage(double[] mu, int[] y, double alpha) {
      this.y = y;
      below = new double[mu.length];
      upTo = new double[mu.length];
      for (int i = 0; i < mu.length; i++) {
        double[] s = NegativeBinomial.cumulativeAround(y[i], mu[i], alpha);
        below[i] = s[0];
        upTo[i] = s[1];
      }
    }

    double at(double level) {
      double lowerP = (1 - level) / 2 - NegativeBinomial.WALK_SLACK;
      double upperP = (1 + level) / 2 - NegativeBinomial.WALK_SLACK;
      long in = 0;
      for (int i = 0; i < y.length; i++) {
        if (upTo[i] >= lowerP && (y[i] == 0 || below[i] < upperP)) {
          in++;
        }
      }
      return (double) in / y.length;
    }
  }
}
