package uk.patrolcast.launcher.bench;

import java.util.SplittableRandom;

/**
 * Deterministic random streams. Every random choice of the generator draws from a stream named by
 * the run's seed and a few labels (what it is for, which force, month or area), so results never
 * depend on thread scheduling or on the order in which parts are generated.
 */
final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The SplitMix64 finaliser: a fast, well-mixing bijection on 64-bit values. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A 64-bit value derived from the seed and the labels. */
  static long of(long seed, long... labels) {
    long h = mix(seed + GOLDEN);
    for (long label : labels) {
      h = mix(h ^ (label + GOLDEN));
    }
    return h;
  }

  static SplittableRandom random(long seed, long... labels) {
    return new SplittableRandom(of(seed, labels));
  }

  /** A label for a purpose, stable across JVMs ({@link String#hashCode} is specified). */
  static long label(String purpose) {
    return purpose.hashCode();
  }

  /** Uniform in [0, 1) from a 64-bit value. */
  static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** A standard normal draw (Box-Muller; one of the pair is enough here). */
  static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}
