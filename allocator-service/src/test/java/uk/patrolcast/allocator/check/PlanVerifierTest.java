package uk.patrolcast.allocator.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.Fixtures;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.model.PlanHours;
import uk.patrolcast.allocator.plan.Planning;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanStatus;

/** The verifier catches each kind of broken constraint on an otherwise optimal plan. */
class PlanVerifierTest {
  // Two boroughs of two wards of four LSOAs; in each ward the first LSOA has a high forecast (it
  // reaches its maximum), the second none (it stays at its minimum). Ward W003 is twice as populous.
  private final List<Area> areas = Fixtures.grid(4, 4, 2).stream()
      .map(a -> a.wardCode().equals("W003") ? Fixtures.area(a.lsoa21cd(), a.wardCode(), a.boroughCode(), a.areaKm2(), 3000) : a)
      .toList();
  private final ForecastSet forecasts = Fixtures.flat("2024-02", areas, i -> i % 4 == 0 ? 3.0 : i % 4 == 1 ? 0.0 : 0.2);

  private AllocationPlan plan(AllocationSettings s, AllocationPlan previous) {
    AllocationPlan plan = Planning.plan(areas, forecasts, s, previous);
    assertThat(plan.getStatus()).as(plan.getMessage()).isEqualTo(PlanStatus.OPTIMAL);
    return plan;
  }

  private List<String> violations(AllocationPlan plan, AllocationPlan previous, Consumer<AllocationPlan> breakIt) {
    AllocationPlan copy = AllocationPlan.newBuilder(plan).build();
    breakIt.accept(copy);
    return PlanVerifier.violations(copy, AreaUniverse.of(areas), forecasts, previous == null ? null : PlanHours.of(previous));
  }

  private static void add(AllocationPlan p, int lsoa, double hours) {
    LsoaAllocation a = p.getLsoas().get(lsoa);
    a.getHours().set(0, a.getHours().get(0) + hours);
    var ward = p.getWards().stream().filter(w -> w.getWardCode().equals(a.getWardCode())).findFirst().orElseThrow();
    ward.getHours().set(0, ward.getHours().get(0) + hours);
  }

  @Test
  void anOptimalPlanHoldsAndEachBreakIsNamed() {
    AllocationPlan plan = plan(AllocationSettings.defaults(), null);
    assertThat(violations(plan, null, p -> { })).isEmpty();
    // LSOA 1 sits at its minimum, LSOA 0 (high forecast) at its maximum; the budget binds.
    assertThat(violations(plan, null, p -> add(p, 1, 0.2))).anyMatch(v -> v.contains("is not a multiple of the block 0.5 h"));
    assertThat(violations(plan, null, p -> add(p, 1, -0.5))).anyMatch(v -> v.contains("below the minimum 31 h"));
    assertThat(violations(plan, null, p -> add(p, 0, 0.5))).anyMatch(v -> v.contains("above the maximum 80.6 h"));
    assertThat(violations(plan, null, p -> add(p, 1, 0.5))).anyMatch(v -> v.startsWith("budget 892.8 h in 2024-03 exceeded: 893 h"));
    assertThat(violations(plan, null, p -> p.getWards().get(0).getHours().set(0, 1.0)))
        .anyMatch(v -> v.contains("is not the sum of its LSOAs"));
    assertThat(violations(plan, null, p -> p.setObjective(p.getObjective() + 1e-3)))
        .anyMatch(v -> v.startsWith("objective"));
    assertThat(violations(plan, null, p -> p.getLsoas().get(2).getForecast().set(0, 9.0)))
        .anyMatch(v -> v.contains("is not the LSOA's own forecast"));
    assertThat(violations(plan, null, p -> p.getLsoas().remove(3))).anyMatch(v -> v.contains("has no hours"));
  }

  @Test
  void capsFloorsOfficerHoursAndSmoothingAreChecked() {
    AllocationPlan base = plan(AllocationSettings.defaults(), null);
    double w0 = base.getWards().get(0).getHours().get(0);
    double b0 = base.getWards().get(0).getHours().get(0) + base.getWards().get(1).getHours().get(0);
    AllocationPlan capped = plan(Fixtures.settings(1.8, 0.5, null, null, Map.of("B000", b0 - 10), Map.of("W000", w0 - 5)), null);
    assertThat(capped.getBindingConstraints()).contains("ward cap W000 2024-03", "borough cap B000 2024-03");
    assertThat(violations(capped, null, p -> add(p, 2, 0.5))).anyMatch(v -> v.startsWith("ward W000's cap"));
    assertThat(violations(capped, null, p -> add(p, 6, 0.5))).anyMatch(v -> v.startsWith("borough B000's cap"));
    AllocationPlan officers = plan(Fixtures.settings(1.8, 0.5, 1500.0, null, Map.of(), Map.of()), null);
    assertThat(officers.getBindingConstraints()).contains("officer-hours 2024-03").doesNotContain("budget 2024-03");
    assertThat(violations(officers, null, p -> add(p, 9, 0.5))).anyMatch(v -> v.startsWith("officer-hours 1,500 in 2024-03 exceeded"));
    AllocationPlan floored = plan(Fixtures.settings(1.8, 0.7, null, null, Map.of(), Map.of()), null);
    int wardAtFloor = floored.getBindingConstraints().stream().filter(b -> b.startsWith("ward floor") && b.endsWith("2024-03"))
        .map(b -> Integer.parseInt(b.substring("ward floor W".length(), "ward floor W".length() + 3))).findFirst().orElseThrow();
    assertThat(violations(floored, null, p -> add(p, 4 * wardAtFloor + 1, -0.5))).anyMatch(v -> v.contains("'s floor") && v.contains("not met"));
    AllocationPlan previous = base;
    ForecastSet later = Fixtures.flat("2024-03", areas, i -> i % 4 == 1 ? 3.0 : 0.2);
    AllocationPlan smooth = Planning.plan(areas, later, Fixtures.settings(1.8, 0.5, null, 3.0, Map.of(), Map.of()), previous);
    assertThat(smooth.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
    List<String> none = PlanVerifier.violations(smooth, AreaUniverse.of(areas), later, PlanHours.of(previous));
    assertThat(none).isEmpty();
    AllocationPlan broken = AllocationPlan.newBuilder(smooth).build();
    add(broken, 1, 4.0);
    assertThat(PlanVerifier.violations(broken, AreaUniverse.of(areas), later, PlanHours.of(previous)))
        .anyMatch(v -> v.contains("more than the smoothing limit 3 h"));
  }
}
