package uk.patrolcast.launcher.bench;

/**
 * A smooth, spatially autocorrelated random surface: value noise (random values on a square
 * lattice, blended with a smoothstep) summed over octaves of halving spacing and amplitude. Values
 * at nearby points are close; points much further apart than the spacing are nearly independent.
 * The result is roughly centred with a standard deviation near one; callers standardise it over
 * their areas when they need exact moments.
 */
final class SmoothField {
  private final long seed;
  private final double spacing;
  private final int octaves;
  private final double norm;

  /**
   * @param spacing lattice spacing of the coarsest octave, in plane units (the correlation length)
   * @param octaves number of octaves (1 = smoothest)
   */
  SmoothField(long seed, double spacing, int octaves) {
    this.seed = seed;
    this.spacing = spacing;
    this.octaves = octaves;
    double var = 0;
    for (int o = 0; o < octaves; o++) {
      var += Math.pow(0.25, o);
    }
    // Uniform(-1, 1) lattice values have variance 1/3; smoothstep blending lowers it by about 0.44.
    this.norm = 1.0 / Math.sqrt(var / 3.0 * 0.44);
  }

  double at(double x, double y) {
    double sum = 0;
    double amplitude = 1;
    double s = spacing;
    for (int o = 0; o < octaves; o++) {
      sum += amplitude * octave(o, x / s, y / s);
      amplitude *= 0.5;
      s *= 0.5;
    }
    return sum * norm;
  }

  private double octave(int o, double gx, double gy) {
    long i = (long) Math.floor(gx);
    long j = (long) Math.floor(gy);
    double fx = smooth(gx - i);
    double fy = smooth(gy - j);
    double v00 = lattice(o, i, j);
    double v10 = lattice(o, i + 1, j);
    double v01 = lattice(o, i, j + 1);
    double v11 = lattice(o, i + 1, j + 1);
    double a = v00 + (v10 - v00) * fx;
    double b = v01 + (v11 - v01) * fx;
    return a + (b - a) * fy;
  }

  private double lattice(int o, long i, long j) {
    return Seeds.unit(Seeds.of(seed, o, i, j)) * 2.0 - 1.0;
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }
}
