package uk.patrolcast.allocator.solve;

/**
 * The objective's gain from each block: with x = block x k, block k adds
 * w (ln(1 + block k) - ln(1 + block (k - 1))), which falls as k grows (the objective is concave).
 */
final class BlockGains {
  private BlockGains() {}

  /**
   * Gain of block {@code k} (k &gt;= 1). Math.log of the ratio, not log1p: log1p and expm1 are not
   * JIT intrinsics (each is a native call, the solver's hottest Java cost), and the ratio of two
   * numbers of hours plus one is exact to an ulp, so the gain is accurate to ~1e-14 relative.
   */
  static double gain(double weight, double block, int k) {
    return weight == 0 ? 0 : weight * Math.log((1 + block * k) / (1 + block * (k - 1)));
  }

  /**
   * The largest K in [lo, hi] such that every block k in (lo, K] gains more than {@code price}: how
   * many blocks an LSOA takes when a block costs {@code price}.
   */
  static int blocksAtPrice(double weight, double block, double price, int lo, int hi) {
    int k = approxBlocksAtPrice(weight, block, price, lo, hi);
    if (weight <= 0) {
      return k;
    }
    while (k < hi && gain(weight, block, k + 1) > price) {
      k++;
    }
    while (k > lo && gain(weight, block, k) <= price) {
      k--;
    }
    return k;
  }

  /**
   * {@link #blocksAtPrice} from the closed form alone (rounding may put it a block off): for cheap
   * estimates. gain(k) &gt;= price exactly when k &lt;= 1 + 1 / expm1(price / weight) - 1 / block.
   */
  static int approxBlocksAtPrice(double weight, double block, double price, int lo, int hi) {
    if (price <= 0 && weight > 0) {
      return hi;
    }
    if (weight <= 0) {
      return price < 0 ? hi : lo;
    }
    double t = price / weight;
    // exp(t) - 1 without expm1 (see gain); for tiny t its series.
    double expm1 = t < 1e-5 ? t * (1 + t / 2) : Math.exp(t) - 1;
    double estimate = 1 + 1 / expm1 - 1 / block;
    return estimate >= hi ? hi : estimate <= lo ? lo : (int) Math.floor(estimate);
  }

  /** Sum of gains of blocks (from, to]: w (ln(1 + block to) - ln(1 + block from)). */
  static double gainBetween(double weight, double block, int from, int to) {
    return weight == 0 ? 0 : weight * Math.log((1 + block * to) / (1 + block * from));
  }
}
