package uk.patrolcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;

/** The 80% interval construction: the count distribution, its fitted dispersion and the calibrated level. */
class IntervalModelTest {

  @Test
  void negativeBinomialIsADistributionWithTheRightMeanAndVariance() {
    double mu = 2.5;
    double alpha = 0.4;
    double total = 0;
    double mean = 0;
    double second = 0;
    for (int y = 0; y < 400; y++) {
      double p = Math.exp(NegativeBinomial.logPmf(y, mu, alpha));
      total += p;
      mean += y * p;
      second += (double) y * y * p;
    }
    assertThat(total).isCloseTo(1, within(1e-9));
    assertThat(mean).isCloseTo(mu, within(1e-9));
    assertThat(second - mean * mean).isCloseTo(mu + alpha * mu * mu, within(1e-8));
  }

  @Test
  void poissonIsTheZeroDispersionLimit() {
    assertThat(NegativeBinomial.logPmf(3, 1.7, 0)).isCloseTo(3 * Math.log(1.7) - 1.7 - Math.log(6), within(1e-12));
    assertThat(NegativeBinomial.logPmf(3, 1.7, 1e-7)).isCloseTo(NegativeBinomial.logPmf(3, 1.7, 0), within(1e-5));
  }

  @Test
  void quantileIsTheSmallestCountWhoseCdfReachesP() {
    for (double mu : new double[] {0.05, 0.8, 3, 25}) {
      for (double p : new double[] {0.1, 0.25, 0.5, 0.9, 0.99}) {
        int q = NegativeBinomial.quantile(p, mu, 0.3);
        assertThat(NegativeBinomial.cdf(q, mu, 0.3)).isGreaterThanOrEqualTo(p - 1e-12);
        assertThat(NegativeBinomial.cdf(q - 1, mu, 0.3)).isLessThan(p);
      }
    }
  }

  @Test
  void dispersionIsRecoveredFromSimulatedCounts() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 40_000;
    double[] mu = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      mu[i] = 0.2 + 3 * r.nextDouble();
      y[i] = sample(r, mu[i], 0.5);
    }
    assertThat(Dispersion.fit(mu, y)).isCloseTo(0.5, within(0.05));
  }

  @Test
  void calibratedLevelReachesTheTargetCoverageWithWholeNumberBounds() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 30_000;
    double[] mu = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      mu[i] = 0.1 + 4 * r.nextDouble();
      y[i] = sample(r, mu[i], 0.3);
    }
    double[] fit = IntervalModel.calibrate(mu, y, 0.85);
    double coverage = IntervalModel.coverage(mu, y, fit[0], fit[1]);
    assertThat(coverage).isBetween(0.85, 0.87);
    // A slightly lower level must fall short: the level is the smallest that reaches the target.
    assertThat(IntervalModel.coverage(mu, y, fit[0], fit[1] - 0.02)).isLessThan(0.85);
    IntervalModel model = new IntervalModel(new double[] {fit[0]}, new double[] {fit[1]}, new double[] {0.05}, new double[] {0.8}, 0.85);
    for (double m : new double[] {0.3, 1, 5, 40}) {
      double lo = model.areaLower(m, 1);
      double hi = model.areaUpper(m, 1);
      assertThat(lo).isEqualTo(Math.rint(lo));
      assertThat(hi).isEqualTo(Math.rint(hi));
      assertThat(lo).isLessThanOrEqualTo(m);
      assertThat(hi).isGreaterThanOrEqualTo(m);
    }
    assertThat(model.areaUpper(40, 1) - model.areaLower(40, 1)).isGreaterThan(model.areaUpper(1, 1) - model.areaLower(1, 1));
  }

  @Test
  void coverageFromOneWalkPerObservationEqualsTheTwoQuantilesAtEveryLevel() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 5_000;
    double[] mu = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      // Small means, a few zero means (the point mass at 0) and a few large ones.
      mu[i] = i % 97 == 0 ? 0 : i % 89 == 0 ? 30 * r.nextDouble() : 3 * r.nextDouble();
      y[i] = mu[i] == 0 ? r.nextInt(2) : sample(r, Math.max(mu[i], 0.01), 0.4);
    }
    for (double alpha : new double[] {0, 0.05, 0.4, 2}) {
      IntervalModel.Coverage fast = new IntervalModel.Coverage(mu, y, alpha);
      for (double level = 0.2; level < 0.996; level += 0.0173) {
        long in = 0;
        for (int i = 0; i < n; i++) {
          int lower = NegativeBinomial.quantile((1 - level) / 2, mu[i], alpha);
          int upper = NegativeBinomial.quantile((1 + level) / 2, mu[i], alpha);
          in += y[i] >= lower && y[i] <= upper ? 1 : 0;
        }
        assertThat(fast.at(level)).as("alpha %s level %s", alpha, level).isEqualTo((double) in / n);
      }
    }
  }

  @Test
  void logLikelihoodWithSharedLogGammaTermsEqualsTheSumOfRowLogPmfs() {
    SplittableRandom r = new SplittableRandom(13);
    int n = 20_000;
    double[] mu = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      mu[i] = i % 101 == 0 ? 0 : 4 * r.nextDouble();
      y[i] = sample(r, Math.max(mu[i], 0.01), 0.6);
    }
    for (double alpha : new double[] {1e-9, 1e-6, 0.05, 0.7, 20}) {
      double rows = 0;
      for (int i = 0; i < n; i++) {
        rows += NegativeBinomial.logPmf(y[i], Math.max(mu[i], 1e-6), alpha);
      }
      assertThat(Dispersion.logLikelihood(mu, y, alpha)).as("alpha %s", alpha).isEqualTo(rows);
    }
  }

  /** NB as a Poisson with a gamma-distributed mean (shape 1/alpha). */
  static int sample(SplittableRandom r, double mu, double alpha) {
    double shape = 1 / alpha;
    return SyntheticData.poisson(r, gamma(r, shape) * mu / shape);
  }

  private static double gamma(SplittableRandom r, double shape) {
    if (shape < 1) {
      return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = r.nextGaussian();
      double v = Math.pow(1 + c * x, 3);
      if (v > 0 && Math.log(r.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
