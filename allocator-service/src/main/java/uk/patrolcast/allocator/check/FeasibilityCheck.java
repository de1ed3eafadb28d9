package uk.patrolcast.allocator.check;

import static uk.patrolcast.allocator.check.HourFormat.hours;

import java.util.Optional;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.MonthProblem;
import uk.patrolcast.allocator.model.NestedRanges;

/**
 * Decides before solving whether a month's constraints can all hold, and if not names the first one
 * that cannot, with its numbers. The constraint sets nest (LSOA in ward in borough in London), so
 * the model is feasible exactly when every set's least total is within its most (see
 * {@link NestedRanges}); the check walks them bottom-up and blames the smallest set that fails.
 */
public final class FeasibilityCheck {
  private FeasibilityCheck() {}

  /** Why the month cannot be planned, or empty when it can. */
  public static Optional<String> problem(MonthProblem p) {
    double b = p.blockHours();
    AreaUniverse u = p.universe();
    String month = p.month();
    int n = p.size();
    int[] lo = new int[n];
    int[] hi = new int[n];
    for (int i = 0; i < n; i++) {
      lo[i] = p.lo(i);
      hi[i] = p.hi(i);
      if (lo[i] > hi[i]) {
        return Optional.of(lsoaMessage(p, i));
      }
    }
    NestedRanges r = new NestedRanges(p, lo, hi);
    for (int w = 0; w < p.wards(); w++) {
      String ward = "ward " + u.wardCode(w);
      long floor = p.wardFloor(w);
      long cap = p.wardCap(w);
      if (floor > 0 && floor > cap) {
        return Optional.of(ward + "'s floor " + floorText(p, w) + " exceeds its cap " + hours(cap * b) + " in " + month);
      }
      if (r.wardMinSum(w) > cap) {
        return Optional.of(ward + "'s cap " + hours(cap * b) + " in " + month + " is below the sum of its LSOA minimums "
            + hours(r.wardMinSum(w) * b));
      }
      if (floor > r.wardMaxSum(w)) {
        return Optional.of(ward + "'s floor " + floorText(p, w) + " in " + month
            + " is more than its LSOAs can take (sum of their maximums " + hours(r.wardMaxSum(w) * b) + ")");
      }
    }
    for (int g = 0; g < p.boroughs(); g++) {
      if (r.boroughLow(g) > p.boroughCap(g)) {
        return Optional.of("borough " + u.boroughCode(g) + "'s cap " + hours(p.boroughCap(g) * b) + " in " + month
            + " is below what its wards need: " + hours(r.boroughLow(g) * b) + " (LSOA minimums and ward floors)");
      }
    }
    if (r.totalLow() > p.totalCap()) {
      String need = r.totalLow() == r.minSum()
          ? "the sum of the LSOA minimums " + hours(r.minSum() * b)
          : "what the wards need, " + hours(r.totalLow() * b) + " (the LSOA minimums " + hours(r.minSum() * b)
              + " raised by the ward floors)";
      long budget = MonthProblem.floorBlocks(p.budgetHours(), b);
      if (budget <= p.totalCap()) {
        return Optional.of("budget " + hours(p.budgetHours()) + " in " + month + " is below " + need);
      }
      return Optional.of("officer-hours available " + HourFormat.grouped(p.officerHours()) + " in " + month + " allow "
          + hours(p.officerHours() / p.officersPerPatrol()) + " of patrols of " + p.officersPerPatrol()
          + " officers, below " + need);
    }
    return Optional.empty();
  }

  private static String floorText(MonthProblem p, int w) {
    double rounded = p.wardFloor(w) * p.blockHours();
    String raw = hours(p.wardFloorHours(w));
    return Math.abs(rounded - p.wardFloorHours(w)) < 1e-9 ? raw
        : raw + " (" + hours(rounded) + " in whole blocks of " + hours(p.blockHours()) + ")";
  }

  private static String lsoaMessage(MonthProblem p, int i) {
    String lsoa = "LSOA " + p.universe().area(i).lsoa21cd() + " in " + p.month();
    double min = p.policyMinHours(i);
    double max = p.policyMaxHours(i);
    double previous = p.previousHours(i);
    if (!Double.isNaN(previous)) {
      double change = p.maxChangeHours();
      boolean policyFits = MonthProblem.ceilBlocks(min, p.blockHours()) <= MonthProblem.floorBlocks(max, p.blockHours());
      if (policyFits) {
        return lsoa + ": the smoothing limit of " + hours(change) + " around the previous plan's " + hours(previous)
            + " allows " + HourFormat.grouped(previous - change) + " to " + hours(previous + change)
            + ", outside its bounds " + HourFormat.grouped(min) + " to " + hours(max)
            + " (in whole blocks of " + hours(p.blockHours()) + ")";
      }
    }
    return lsoa + ": minimum " + hours(min) + " is above its maximum " + hours(max)
        + (Math.abs(min - max) < p.blockHours() && min <= max
            ? " in whole blocks of " + hours(p.blockHours()) + " (no multiple of the block lies between them)" : "");
  }
}
