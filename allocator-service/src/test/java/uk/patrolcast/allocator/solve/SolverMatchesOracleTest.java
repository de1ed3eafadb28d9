package uk.patrolcast.allocator.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import uk.patrolcast.allocator.check.FeasibilityCheck;
import uk.patrolcast.allocator.model.MonthProblem;
import uk.patrolcast.allocator.model.RandomInstances;
import uk.patrolcast.allocator.model.RandomInstances.Instance;

/**
 * The OR-Tools solver against the independent greedy oracle on seeded random instances with every
 * side constraint (floors, ward and borough caps, officer-hours, smoothing, other block sizes): all
 * of them keep the constraint family laminar, so the greedy is exact on every one of them.
 */
class SolverMatchesOracleTest {
  private static final int INSTANCES = 150;

  @Test
  void solverObjectiveEqualsOracleObjectiveOnRandomInstances() {
    LpAllocationSolver solver = new LpAllocationSolver(LpAllocationSolver.Options.defaults());
    int compared = 0;
    int withFloorsBinding = 0;
    int withCapsBinding = 0;
    for (long seed = 1; seed <= INSTANCES; seed++) {
      Instance instance = RandomInstances.instance(seed);
      for (int m = 0; m < instance.settings().horizonMonths(); m++) {
        MonthProblem p = instance.month(m);
        if (FeasibilityCheck.problem(p).isPresent()) {
          continue;
        }
        MonthSolution lp = solver.solve(p);
        int[] greedy = GreedyOracle.solve(p);
        double oracle = p.objective(greedy);
        assertThat(lp.objective()).as("seed %d month %s", seed, p.month()).isCloseTo(oracle, within(1e-9 * Math.max(1, oracle)));
        assertThat(lp.bestBound()).as("bound, seed %d", seed).isGreaterThanOrEqualTo(oracle - 1e-9 * Math.max(1, oracle));
        assertThat(lp.gap()).as("gap, seed %d", seed).isLessThanOrEqualTo(1e-9);
        assertWithinBounds(p, lp.blocks());
        compared++;
        withFloorsBinding += floorsBinding(p, greedy) ? 1 : 0;
        withCapsBinding += capsBinding(p, greedy) ? 1 : 0;
      }
    }
    // The comparison covers many months, and the side constraints actually bind on a good share of them.
    assertThat(compared).isGreaterThan(150);
    assertThat(withFloorsBinding).isGreaterThan(10);
    assertThat(withCapsBinding).isGreaterThan(10);
  }

  @Test
  void narrowWindowsStillReachTheOptimumByColumnGeneration() {
    // Margin 0 starts from a single guessed block per LSOA: the certificate must grow the windows.
    LpAllocationSolver narrow = new LpAllocationSolver(new LpAllocationSolver.Options(0, 0, 50, 1e-9));
    LpAllocationSolver oneRound = new LpAllocationSolver(new LpAllocationSolver.Options(0, 0, 1, 1e-9));
    int grew = 0;
    for (long seed = 200; seed < 240; seed++) {
      Instance instance = RandomInstances.instance(seed);
      MonthProblem p = instance.month(0);
      if (FeasibilityCheck.problem(p).isPresent()) {
        continue;
      }
      double oracle = p.objective(GreedyOracle.solve(p));
      MonthSolution a = narrow.solve(p);
      assertThat(a.objective()).isCloseTo(oracle, within(1e-9 * Math.max(1, oracle)));
      if (p.blockHours() >= 0.5 && p.size() < 150) {
        // The full model has every block as a column: kept to small instances.
        MonthSolution b = oneRound.solve(p);
        assertThat(b.objective()).as("full-model fallback").isCloseTo(oracle, within(1e-9 * Math.max(1, oracle)));
      }
      grew += a.rounds() > 1 ? 1 : 0;
    }
    assertThat(grew).as("instances where the first windows were not enough").isGreaterThan(0);
  }

  private static void assertWithinBounds(MonthProblem p, int[] blocks) {
    long total = 0;
    for (int i = 0; i < blocks.length; i++) {
      assertThat(blocks[i]).isBetween(p.lo(i), p.hi(i));
      total += blocks[i];
    }
    assertThat(total).isLessThanOrEqualTo(p.totalCap());
  }

  private static boolean floorsBinding(MonthProblem p, int[] x) {
    long[] ward = new long[p.wards()];
    long[] min = new long[p.wards()];
    for (int i = 0; i < x.length; i++) {
      ward[p.wardOf(i)] += x[i];
      min[p.wardOf(i)] += p.lo(i);
    }
    for (int w = 0; w < p.wards(); w++) {
      if (p.wardFloor(w) > min[w] && ward[w] == p.wardFloor(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean capsBinding(MonthProblem p, int[] x) {
    long[] ward = new long[p.wards()];
    long[] borough = new long[p.boroughs()];
    for (int i = 0; i < x.length; i++) {
      ward[p.wardOf(i)] += x[i];
      borough[p.boroughOfWard(p.wardOf(i))] += x[i];
    }
    for (int w = 0; w < p.wards(); w++) {
      if (ward[w] == p.wardCap(w)) {
        return true;
      }
    }
    for (int b = 0; b < p.boroughs(); b++) {
      if (borough[b] == p.boroughCap(b)) {
        return true;
      }
    }
    return false;
  }
}
