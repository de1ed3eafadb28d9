package uk.patrolcast.allocator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.patrolcast.allocator.check.FeasibilityCheck;
import uk.patrolcast.allocator.check.PlanVerifier;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.Fixtures;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.model.MonthProblem;
import uk.patrolcast.allocator.model.PlanHours;
import uk.patrolcast.allocator.model.RandomInstances;
import uk.patrolcast.allocator.model.RandomInstances.Instance;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WardAllocation;

/** Properties of the plans the planner publishes. */
class AllocationPlannerTest {

  @Test
  void everyConstraintHoldsOnEveryOptimalPlan() {
    int optimal = 0;
    int refused = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Instance in = RandomInstances.instance(seed);
      AllocationPlan previous = in.previous() == null ? null : in.previous().plan();
      AllocationPlan plan = Planning.plan(in.areas(), in.forecasts(), in.settings(), previous);
      boolean feasible = true;
      for (int m = 0; m < in.settings().horizonMonths(); m++) {
        feasible &= FeasibilityCheck.problem(in.month(m)).isEmpty();
      }
      if (!feasible) {
        assertThat(plan.getStatus()).as("seed %d", seed).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(plan.getLsoas()).isEmpty();
        refused++;
        continue;
      }
      assertThat(plan.getStatus()).as("seed %d: %s", seed, plan.getMessage()).isEqualTo(PlanStatus.OPTIMAL);
      // The verifier re-checks every constraint from the plan's own parameters, independently of the solver.
      assertThat(PlanVerifier.violations(plan, in.universe(), in.forecasts(), previous == null ? null : PlanHours.of(previous)))
          .as("seed %d", seed).isEmpty();
      assertThat(plan.getGap()).isLessThanOrEqualTo(1e-9);
      assertThat(plan.getBestBound()).isGreaterThanOrEqualTo(plan.getObjective());
      // Shown to planners as is (the console's solver card): "at most 1 round", not "1 rounds".
      Matcher rounds = Pattern.compile("at most (\\d+) (rounds?),").matcher(String.valueOf(plan.getSolver()));
      assertThat(rounds.find()).as(String.valueOf(plan.getSolver())).isTrue();
      assertThat(rounds.group(2)).isEqualTo(rounds.group(1).equals("1") ? "round" : "rounds");
      optimal++;
    }
    assertThat(optimal).isGreaterThan(20);
    assertThat(refused).isGreaterThan(5);
  }

  @Test
  void aLargerBudgetNeverLowersTheObjective() {
    for (long seed = 300; seed < 310; seed++) {
      Instance in = RandomInstances.instance(seed);
      double last = Double.NEGATIVE_INFINITY;
      int planned = 0;
      for (double budget = 1.0; budget <= 2.8; budget += 0.15) {
        AllocationSettings s = Fixtures.settings(budget, 0.5, null, null, Map.of(), Map.of());
        AllocationPlan plan = Planning.plan(in.areas(), in.forecasts(), s, null);
        if (plan.getStatus() != PlanStatus.OPTIMAL) {
          continue;
        }
        assertThat(plan.getObjective()).as("seed %d budget %.2f", seed, budget).isGreaterThanOrEqualTo(last - 1e-9);
        last = plan.getObjective();
        planned++;
      }
      assertThat(planned).isGreaterThan(5);
    }
  }

  @Test
  void anLsoaWithAHigherForecastNeverGetsFewerHoursThanAnIdenticalOne() {
    // Pairs of twins (same ward, area, population); the second of each pair has the higher forecast.
    List<Area> areas = new ArrayList<>();
    for (int w = 0; w < 40; w++) {
      for (int t = 0; t < 2; t++) {
        areas.add(Fixtures.area(String.format("E%03d%d", w, t), "W" + (w / 2), "B" + (w / 10), 0.2 + 0.05 * (w % 7), 1500));
      }
    }
    java.util.Random random = new java.util.Random(5);
    double[] base = new double[40];
    for (int w = 0; w < 40; w++) {
      base[w] = 0.1 + 3 * random.nextDouble();
    }
    ForecastSet f = Fixtures.flat("2024-02", areas, i -> base[i / 2] * (i % 2 == 0 ? 1 : 1 + 0.05 + random.nextDouble()));
    int strictlyMore = 0;
    for (double budget : new double[] {1.2, 1.8, 2.4}) {
      AllocationPlan plan = Planning.plan(areas, f, Fixtures.settings(budget, 0.5, null, null, Map.of(), Map.of()), null);
      assertThat(plan.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
      for (int pair = 0; pair < 40; pair++) {
        LsoaAllocation low = plan.getLsoas().get(2 * pair);
        LsoaAllocation high = plan.getLsoas().get(2 * pair + 1);
        for (int m = 0; m < plan.getMonths().size(); m++) {
          assertThat(high.getForecast().get(m)).isGreaterThan(low.getForecast().get(m));
          assertThat(high.getHours().get(m)).as("pair %d month %d", pair, m).isGreaterThanOrEqualTo(low.getHours().get(m));
          strictlyMore += high.getHours().get(m) > low.getHours().get(m) ? 1 : 0;
        }
      }
    }
    assertThat(strictlyMore).as("the forecast actually moves hours").isGreaterThan(100);
  }

  @Test
  void thePlanChangesWhenTheForecastChanges() {
    // The prototype planned with the ward's forecast and a budget that never bound: hours depended on area only.
    List<Area> areas = Fixtures.grid(10, 5, 5);
    ForecastSet before = Fixtures.flat("2024-02", areas, i -> 1 + (i % 5));
    ForecastSet after = Fixtures.flat("2024-02", areas, i -> 1 + ((i + 2) % 5));
    AllocationPlan a = Planning.plan(areas, before, AllocationSettings.defaults(), null);
    AllocationPlan b = Planning.plan(areas, after, AllocationSettings.defaults(), a);
    assertThat(a.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
    assertThat(b.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
    int changed = 0;
    for (int i = 0; i < areas.size(); i++) {
      if (!a.getLsoas().get(i).getHours().equals(b.getLsoas().get(i).getHours())) {
        changed++;
      }
    }
    assertThat(changed).isGreaterThan(areas.size() / 2);
    // And the change figures say so.
    assertThat(b.getChange().getPreviousPlanId()).isEqualTo(a.getPlanId());
    assertThat(b.getChange().getMonthsCompared()).isEqualTo(6);
    assertThat(b.getChange().getLsoasChanged()).isGreaterThan(0);
    assertThat(b.getChange().getHoursMoved()).isGreaterThan(0);
    // Within a ward, the LSOA with the highest forecast gets the most hours (the ward forecast alone could not do that).
    LsoaAllocation top = a.getLsoas().get(4);
    LsoaAllocation bottom = a.getLsoas().get(0);
    assertThat(top.getHours().get(0)).isGreaterThan(bottom.getHours().get(0));
  }

  @Test
  void smoothingLimitsTheChangeFromThePreviousPlan() {
    List<Area> areas = Fixtures.grid(10, 5, 5);
    AllocationPlan a = Planning.plan(areas, Fixtures.flat("2024-02", areas, i -> 1 + (i % 5)), AllocationSettings.defaults(), null);
    ForecastSet next = Fixtures.flat("2024-03", areas, i -> 1 + ((i + 2) % 5));
    AllocationPlan free = Planning.plan(areas, next, AllocationSettings.defaults(), a);
    AllocationPlan smooth = Planning.plan(areas, next, Fixtures.settings(1.8, 0.5, null, 2.0, Map.of(), Map.of()), a);
    assertThat(smooth.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
    assertThat(free.getChange().getMaxChangeHours()).isGreaterThan(2.0);
    assertThat(smooth.getChange().getMaxChangeHours()).isLessThanOrEqualTo(2.0);
    assertThat(smooth.getChange().getMonthsCompared()).isEqualTo(5);
    assertThat(smooth.getObjective()).isLessThanOrEqualTo(free.getObjective() + 1e-9);
  }

  @Test
  void fairnessFiguresDescribeThePlan() {
    List<Area> areas = Fixtures.grid(6, 4, 3);
    ForecastSet f = Fixtures.flat("2024-02", areas, i -> i < 4 ? 0.0 : 1 + i % 3);
    AllocationPlan plan = Planning.plan(areas, f, AllocationSettings.defaults(), null);
    var fairness = plan.getFairness();
    // Ward W000 has no forecast burglaries: its LSOAs stay at the minimum, the ward at its floor or minimums.
    WardAllocation w0 = plan.getWards().get(0);
    assertThat(w0.getWardCode()).isEqualTo("W000");
    assertThat(w0.getHours().get(0)).isEqualTo(4 * 31.0);
    // Equal populations: a ward's hours-to-population-share is its share of hours x 6 wards.
    double total = plan.getWards().stream().mapToDouble(w -> w.getHours().stream().mapToDouble(Double::doubleValue).sum()).sum();
    double w0Hours = w0.getHours().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(w0.getHoursToPopulationShare()).isCloseTo(w0Hours / total * 6, within(1e-9));
    assertThat(fairness.getMinHoursToPopulationShare()).isCloseTo(w0.getHoursToPopulationShare(), within(1e-9));
    assertThat(fairness.getMaxHoursToPopulationShare()).isGreaterThan(1);
    // Every forecast burglary lies in an LSOA above its minimum here (only the zero-forecast ward stays at it).
    assertThat(fairness.getForecastShareAboveMinimum()).isCloseTo(1.0, within(1e-12));
    assertThat(fairness.getMinHoursPerForecastBurglary()).isLessThanOrEqualTo(fairness.getMaxHoursPerForecastBurglary());
    // The binding list names the budget of every month.
    assertThat(plan.getBindingConstraints()).contains("budget 2024-03", "budget 2024-08");
  }

  @Test
  void refusalsNameTheProblemAndCarryNoHours() {
    List<Area> areas = Fixtures.grid(2, 3, 2);
    ForecastSet f = Fixtures.flat("2024-02", areas, i -> 1);
    AllocationPlan infeasible = Planning.plan(areas, f, Fixtures.settings(0.9, 0.5, null, null, Map.of(), Map.of()), null);
    assertThat(infeasible.getStatus()).isEqualTo(PlanStatus.INFEASIBLE);
    assertThat(infeasible.getMessage()).isEqualTo("budget 167.4 h in 2024-03 is below the sum of the LSOA minimums 186 h");
    assertThat(infeasible.getLsoas()).isEmpty();
    assertThat(infeasible.getFairness()).isNull();
    AllocationSettings d = AllocationSettings.defaults();
    AllocationSettings negative = new AllocationSettings(-0.5, d.minHoursPerDay(), d.maxHoursPerDay(), d.maxAreaScale(),
        d.budgetHoursPerDayPerLsoa(), 2, null, 0.5, null, Map.of(), Map.of("E05999999", 10.0), 6);
    AllocationPlan invalid = Planning.plan(areas, f, negative, null);
    assertThat(invalid.getStatus()).isEqualTo(PlanStatus.INVALID_REQUEST);
    assertThat(invalid.getMessage()).isEqualTo("negative block size -0.5");
    AllocationPlan unknownWard = Planning.plan(areas, f, Fixtures.settings(1.8, 0.5, null, null, Map.of(), Map.of("E05999999", 10.0)), null);
    assertThat(unknownWard.getStatus()).isEqualTo(PlanStatus.INVALID_REQUEST);
    assertThat(unknownWard.getMessage()).isEqualTo("ward cap for unknown ward code E05999999");
  }

  @Test
  void withNoForecastBurglariesEveryLsoaStaysAtItsMinimumOrItsWardFloor() {
    List<Area> areas = Fixtures.grid(3, 4, 3);
    AllocationPlan plan = Planning.plan(areas, Fixtures.flat("2024-02", areas, i -> 0), AllocationSettings.defaults(), null);
    assertThat(plan.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
    assertThat(plan.getObjective()).isZero();
    assertThat(plan.getGap()).isZero();
    for (WardAllocation w : plan.getWards()) {
      // Floors: 0.5 x 1/3 x (1.8 x 12 x 31) = 111.6 h < 4 x 31 h: the minimums decide.
      assertThat(w.getHours().get(0)).isEqualTo(4 * 31.0);
    }
  }

  @Test
  void theSolverMatchesTheObjectiveOfThePlanMonthByMonth() {
    List<Area> areas = Fixtures.grid(8, 6, 4);
    ForecastSet f = Fixtures.flat("2024-02", areas, i -> 0.2 + (i * 37 % 11) / 4.0);
    AllocationPlan plan = Planning.plan(areas, f, AllocationSettings.defaults(), null);
    double sum = 0;
    for (int m = 0; m < 6; m++) {
      MonthProblem p = MonthProblem.of(AreaUniverse.of(areas), AllocationSettings.defaults(), f, m, null);
      sum += p.objective(uk.patrolcast.allocator.solve.GreedyOracle.solve(p));
    }
    assertThat(plan.getObjective()).isCloseTo(sum, within(1e-9 * sum));
  }
}
