package uk.patrolcast.allocator.solve;

import java.util.Arrays;
import uk.patrolcast.allocator.model.MonthProblem;

/**
 * A cheap guess of the price of a block in each LSOA, to place the LP's windows where the optimum's
 * marginal blocks will be. It follows the nesting: at a London price each LSOA takes the blocks
 * that gain more than the price; a ward takes that, clamped to its floor and cap; a borough takes
 * the sum of its wards, capped. The London price is found by bisection so that London's take fits
 * the London cap; then each capped borough gets the higher price that fits its cap, and each ward
 * whose floor or cap binds the price that meets it. Only a guess (blocks are discrete): the LP's
 * duals correct it.
 */
final class PriceEstimate {
  private static final int STEPS = 48;
  /** Relative precision of the bisections: far finer than the LP windows' price band needs. */
  private static final double PRECISION = 1e-7;
  private final MonthProblem p;
  private final int[][] wardMembers;
  private final int[][] boroughWards;

  PriceEstimate(MonthProblem p) {
    this.p = p;
    this.wardMembers = members(p.size(), p.wards(), p::wardOf);
    this.boroughWards = members(p.wards(), p.boroughs(), p::boroughOfWard);
  }

  double[] perLsoa() {
    double top = 0;
    for (int i = 0; i < p.size(); i++) {
      if (p.hi(i) > p.lo(i)) {
        top = Math.max(top, BlockGains.gain(p.weight(i), p.blockHours(), p.lo(i) + 1));
      }
    }
    double london = lowestPriceWithin(0, top, price -> londonTake(price) <= p.totalCap());
    double[] out = new double[p.size()];
    for (int b = 0; b < p.boroughs(); b++) {
      int borough = b;
      double boroughPrice = lowestPriceWithin(london, Math.max(top, london), price -> boroughTake(borough, price) <= p.boroughCap(borough));
      for (int w : boroughWards[b]) {
        double ward = wardPrice(w, boroughPrice, top);
        for (int i : wardMembers[w]) {
          out[i] = ward;
        }
      }
    }
    return out;
  }

  /** The price at which the ward's LSOAs meet its floor or cap, or {@code parent} when neither binds. */
  private double wardPrice(int w, double parent, double top) {
    if (lsoaTake(w, parent) < p.wardFloor(w)) {
      // Highest price at or below the parent's at which the ward takes its floor (prices may go negative).
      double low = Math.min(parent, 0) - 1;
      while (lsoaTake(w, low) < p.wardFloor(w) && low > -1e12) {
        low *= 2;
      }
      double high = parent;
      for (int s = 0; s < STEPS && !close(low, high); s++) {
        double mid = (low + high) / 2;
        if (lsoaTake(w, mid) >= p.wardFloor(w)) {
          low = mid;
        } else {
          high = mid;
        }
      }
      return low;
    }
    return lowestPriceWithin(parent, Math.max(top, parent), price -> lsoaTake(w, price) <= p.wardCap(w));
  }

  /** The lowest price in [low, high] at which {@code fits} holds (takes fall as prices rise), by bisection. */
  private static double lowestPriceWithin(double low, double high, java.util.function.DoublePredicate fits) {
    if (fits.test(low)) {
      return low;
    }
    for (int s = 0; s < STEPS && !close(low, high); s++) {
      double mid = (low + high) / 2;
      if (fits.test(mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  private static boolean close(double low, double high) {
    return high - low <= PRECISION * Math.max(Math.abs(low), Math.abs(high));
  }

  private long londonTake(double price) {
    long sum = 0;
    for (int b = 0; b < p.boroughs(); b++) {
      sum += Math.min(p.boroughCap(b), boroughTake(b, price));
    }
    return sum;
  }

  private long boroughTake(int b, double price) {
    long sum = 0;
    for (int w : boroughWards[b]) {
      sum += Math.min(p.wardCap(w), Math.max(p.wardFloor(w), lsoaTake(w, price)));
    }
    return sum;
  }

  private long lsoaTake(int w, double price) {
    long sum = 0;
    for (int i : wardMembers[w]) {
      sum += BlockGains.approxBlocksAtPrice(p.weight(i), p.blockHours(), price, p.lo(i), p.hi(i));
    }
    return sum;
  }

  private interface Parent {
    int of(int child);
  }

  private static int[][] members(int children, int parents, Parent parent) {
    int[] count = new int[parents];
    for (int c = 0; c < children; c++) {
      count[parent.of(c)]++;
    }
    int[][] out = new int[parents][];
    for (int q = 0; q < parents; q++) {
      out[q] = new int[count[q]];
    }
    Arrays.fill(count, 0);
    for (int c = 0; c < children; c++) {
      int q = parent.of(c);
      out[q][count[q]++] = c;
    }
    return out;
  }
}
