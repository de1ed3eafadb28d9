package uk.patrolcast.allocator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.allocator.bench.RecentBurglaryForecasts;
import uk.patrolcast.allocator.bench.UniverseCsv;
import uk.patrolcast.allocator.check.PlanVerifier;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.model.MonthProblem;
import uk.patrolcast.allocator.solve.GreedyOracle;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.platform.config.DataLayout;

/** The real London universe (4,994 LSOAs, 684 wards) with forecasts from the recent records. */
class LondonPlanTest {

  @Test
  void londonIsPlannedToTheOracleOptimumWithEveryConstraintHolding() throws Exception {
    Path data = Path.of(System.getProperty("patrolcast.data.dir", "../shared/data"));
    DataLayout layout = new DataLayout(data);
    assumeTrue(Files.isRegularFile(layout.lsoaUniverse()), "no data directory at " + data + ": London test skipped");
    List<Area> areas = UniverseCsv.read(layout.lsoaUniverse());
    ForecastSet forecasts = RecentBurglaryForecasts.read(layout.police(), areas, "2024-02");
    assumeTrue(forecasts != null, "no police.uk records under " + layout.police());
    assertThat(areas).hasSize(4994);
    AllocationPlan plan = Planning.plan(areas, forecasts, AllocationSettings.defaults(), null);
    assertThat(plan.getStatus()).as(plan.getMessage()).isEqualTo(PlanStatus.OPTIMAL);
    AreaUniverse universe = AreaUniverse.of(areas);
    assertThat(PlanVerifier.violations(plan, universe, forecasts, null)).isEmpty();
    double oracle = 0;
    for (int m = 0; m < 6; m++) {
      MonthProblem p = MonthProblem.of(universe, AllocationSettings.defaults(), forecasts, m, null);
      oracle += p.objective(GreedyOracle.solve(p));
    }
    assertThat(plan.getObjective()).isCloseTo(oracle, within(1e-9 * oracle));
    assertThat(plan.getGap()).isLessThanOrEqualTo(1e-9);
    assertThat(plan.getWards()).hasSize(684);
    // The London budget binds every month; hours follow the forecasts (more than a third of LSOAs above the minimum).
    assertThat(plan.getBindingConstraints()).contains("budget 2024-03", "budget 2024-08");
    assertThat(plan.getFairness().getForecastShareAboveMinimum()).isGreaterThan(0.5);
  }
}
