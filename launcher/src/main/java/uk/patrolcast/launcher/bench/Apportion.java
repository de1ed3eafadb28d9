package uk.patrolcast.launcher.bench;

/** Whole numbers that add up to a total, in proportion to weights (largest remainder; zeros allowed). */
final class Apportion {
  private Apportion() {}

  static int[] of(double[] weights, int total) {
    int n = weights.length;
    int[] out = new int[n];
    double sum = 0;
    for (double w : weights) {
      sum += Math.max(0, w);
    }
    if (sum <= 0 || total <= 0) {
      return out;
    }
    double[] remainder = new double[n];
    int given = 0;
    for (int i = 0; i < n; i++) {
      double exact = total * Math.max(0, weights[i]) / sum;
      out[i] = (int) Math.floor(exact);
      remainder[i] = exact - out[i];
      given += out[i];
    }
    for (int k = given; k < total; k++) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      out[best]++;
      remainder[best] = -1;
    }
    return out;
  }
}
