package uk.patrolcast.allocator.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.MonthProblem;

/**
 * The constraints of a month that hold with equality at the solution: the budget or the
 * officer-hours, borough and ward caps, ward floors by name; LSOA minimums, maximums and smoothing
 * limits as counts (there are thousands).
 */
final class BindingConstraints {
  private BindingConstraints() {}

  static List<String> of(MonthProblem p, int[] blocks) {
    List<String> out = new ArrayList<>();
    AreaUniverse u = p.universe();
    String month = p.month();
    long total = 0;
    long[] ward = new long[p.wards()];
    long[] borough = new long[p.boroughs()];
    int atMin = 0;
    int atMax = 0;
    int atSmoothing = 0;
    double block = p.blockHours();
    for (int i = 0; i < blocks.length; i++) {
      total += blocks[i];
      ward[p.wardOf(i)] += blocks[i];
      borough[p.boroughOfWard(p.wardOf(i))] += blocks[i];
      long policyLo = MonthProblem.ceilBlocks(p.policyMinHours(i), block);
      long policyHi = MonthProblem.floorBlocks(p.policyMaxHours(i), block);
      if (blocks[i] == policyLo) {
        atMin++;
      } else if (blocks[i] == policyHi) {
        atMax++;
      } else if (blocks[i] == p.lo(i) || blocks[i] == p.hi(i)) {
        atSmoothing++;
      }
    }
    if (total == p.totalCap()) {
      if (MonthProblem.floorBlocks(p.budgetHours(), block) == total) {
        out.add("budget " + month);
      }
      if (p.officerHours() != null && MonthProblem.floorBlocks(p.officerHours() / p.officersPerPatrol(), block) == total) {
        out.add("officer-hours " + month);
      }
    }
    for (int b = 0; b < p.boroughs(); b++) {
      if (borough[b] == p.boroughCap(b)) {
        out.add("borough cap " + u.boroughCode(b) + " " + month);
      }
    }
    for (int w = 0; w < p.wards(); w++) {
      if (ward[w] == p.wardCap(w)) {
        out.add("ward cap " + u.wardCode(w) + " " + month);
      }
      if (p.wardFloor(w) > 0 && ward[w] == p.wardFloor(w)) {
        out.add("ward floor " + u.wardCode(w) + " " + month);
      }
    }
    if (atMin > 0) {
      out.add(String.format(Locale.ROOT, "LSOA minimum %s (%d LSOAs)", month, atMin));
    }
    if (atMax > 0) {
      out.add(String.format(Locale.ROOT, "LSOA maximum %s (%d LSOAs)", month, atMax));
    }
    if (atSmoothing > 0) {
      out.add(String.format(Locale.ROOT, "smoothing limit %s (%d LSOAs)", month, atSmoothing));
    }
    return out;
  }

  /** Ward-months whose floor holds with equality. */
  static int wardsAtFloor(MonthProblem p, int[] blocks) {
    long[] ward = new long[p.wards()];
    for (int i = 0; i < blocks.length; i++) {
      ward[p.wardOf(i)] += blocks[i];
    }
    int count = 0;
    for (int w = 0; w < p.wards(); w++) {
      if (p.wardFloor(w) > 0 && ward[w] == p.wardFloor(w)) {
        count++;
      }
    }
    return count;
  }
}
