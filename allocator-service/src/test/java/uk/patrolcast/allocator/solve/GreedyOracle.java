package uk.patrolcast.allocator.solve;

import java.util.PriorityQueue;
import uk.patrolcast.allocator.model.MonthProblem;

/**
 * The test oracle: an independent exact method for the month model. Start every LSOA at its lower
 * bound, bring each ward up to its floor with the ward's best blocks, then hand out blocks one at a
 * time to the largest marginal gain among LSOAs whose ward, borough and London still have room. For
 * a separable concave objective over a laminar family of caps (after the floors are met with each
 * ward's own best blocks) this greedy is exact, so its objective is the optimum.
 */
public final class GreedyOracle {
  private GreedyOracle() {}

  private record Offer(double gain, int lsoa) {}

  public static int[] solve(MonthProblem p) {
    int n = p.size();
    int[] x = new int[n];
    long[] ward = new long[p.wards()];
    long[] borough = new long[p.boroughs()];
    long total = 0;
    for (int i = 0; i < n; i++) {
      x[i] = p.lo(i);
      ward[p.wardOf(i)] += x[i];
      borough[p.boroughOfWard(p.wardOf(i))] += x[i];
      total += x[i];
    }
    for (int w = 0; w < p.wards(); w++) {
      if (ward[w] >= p.wardFloor(w)) {
        continue;
      }
      PriorityQueue<Offer> offers = new PriorityQueue<>((a, b) -> Double.compare(b.gain(), a.gain()));
      for (int i = 0; i < n; i++) {
        if (p.wardOf(i) == w && x[i] < p.hi(i)) {
          offers.add(new Offer(gain(p, i, x[i]), i));
        }
      }
      while (ward[w] < p.wardFloor(w)) {
        Offer o = offers.poll();
        if (o == null) {
          throw new IllegalStateException("ward floor cannot be met");
        }
        int i = o.lsoa();
        x[i]++;
        ward[w]++;
        borough[p.boroughOfWard(w)]++;
        total++;
        if (x[i] < p.hi(i)) {
          offers.add(new Offer(gain(p, i, x[i]), i));
        }
      }
    }
    PriorityQueue<Offer> offers = new PriorityQueue<>((a, b) -> Double.compare(b.gain(), a.gain()));
    for (int i = 0; i < n; i++) {
      if (x[i] < p.hi(i)) {
        offers.add(new Offer(gain(p, i, x[i]), i));
      }
    }
    while (!offers.isEmpty() && total < p.totalCap()) {
      Offer o = offers.poll();
      if (o.gain() <= 0) {
        break;
      }
      int i = o.lsoa();
      int w = p.wardOf(i);
      int b = p.boroughOfWard(w);
      if (ward[w] >= p.wardCap(w) || borough[b] >= p.boroughCap(b)) {
        continue;
      }
      x[i]++;
      ward[w]++;
      borough[b]++;
      total++;
      if (x[i] < p.hi(i)) {
        offers.add(new Offer(gain(p, i, x[i]), i));
      }
    }
    return x;
  }

  /** Gain of raising LSOA i from {@code blocks} to {@code blocks + 1}, straight from the objective. */
  private static double gain(MonthProblem p, int i, int blocks) {
    double b = p.blockHours();
    return p.weight(i) * (Math.log(1 + b * (blocks + 1)) - Math.log(1 + b * blocks));
  }
}
