package uk.patrolcast.launcher.bench;

import java.util.SplittableRandom;

/**
 * Draws of over-dispersed counts: negative binomial as a gamma-mixed Poisson (mean μ, shape k,
 * variance μ + μ²/k). Gamma by Marsaglia and Tsang; Poisson by multiplication for small means and
 * by Hörmann's transformed rejection (PTRS) for large ones.
 */
final class CountSampler {
  private static final double[] LOG_FACTORIAL = new double[256];

  static {
    for (int i = 1; i < LOG_FACTORIAL.length; i++) {
      LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
    }
  }

  private CountSampler() {}

  static int negativeBinomial(SplittableRandom rng, double mean, double shape) {
    if (mean <= 0) {
      return 0;
    }
    return poisson(rng, mean * gamma(rng, shape) / shape);
  }

  /** Gamma(shape, scale 1). */
  static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = Seeds.gaussian(rng);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = rng.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 30) {
      double limit = Math.exp(-mean);
      double p = rng.nextDouble();
      int k = 0;
      while (p > limit) {
        p *= rng.nextDouble();
        k++;
      }
      return k;
    }
    double smu = Math.sqrt(mean);
    double b = 0.931 + 2.53 * smu;
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    double logMean = Math.log(mean);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
        return (int) k;
      }
    }
  }

  static double logFactorial(long k) {
    if (k < LOG_FACTORIAL.length) {
      return LOG_FACTORIAL[(int) k];
    }
    double x = k + 1.0;
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
  }
}
