package uk.patrolcast.allocator.solve;

/**
 * The objective's gain from each block: with x = block x k, block k adds
 * w (ln(1 + block k) - ln(1 + block (k - 1))), which falls as k grows (the objective is concave).
 */
final class BlockGains {
  private BlockGains() {}

  /** Gain of block {@code k} (k &gt;= 1). */
  static double gain(double weight, double block, int k) {
    return weight == 0 ? 0 : weight * Math.log1p(block / (1 + block * (k - 1)));
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
    double estimate = 1 + 1 / Math.expm1(price / weight) - 1 / block;
    return estimate >= hi ? hi : estimate <= lo ? lo : (int) Math.floor(estimate);
  }

  /** Sum of gains of blocks (from, to]: w (ln(1 + block to) - ln(1 + block from)). */
  static double gainBetween(double weight, double block, int from, int to) {
    return weight == 0 ? 0 : weight * (Math.log1p(block * to) - Math.log1p(block * from));
  }
}
