package uk.patrolcast.allocator.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.Fixtures;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.model.MonthProblem;
import uk.patrolcast.allocator.model.PlanHours;
import uk.patrolcast.allocator.model.PlanHoursFixture;

/** Infeasible months are named with the constraint and its numbers. */
class FeasibilityCheckTest {
  // 2 wards x 3 LSOAs in one borough; March 2024 (31 days): minimum 31 h, maximum 80.5 h per LSOA.
  private final List<Area> areas = Fixtures.grid(2, 3, 2);
  private final ForecastSet forecasts = Fixtures.flat("2024-02", areas, i -> 1 + i);

  private Optional<String> check(AllocationSettings s) {
    return check(s, null);
  }

  private Optional<String> check(AllocationSettings s, PlanHours previous) {
    return FeasibilityCheck.problem(MonthProblem.of(AreaUniverse.of(areas), s, forecasts, 0, previous));
  }

  @Test
  void theDefaultsAreFeasible() {
    assertThat(check(AllocationSettings.defaults())).isEmpty();
  }

  @Test
  void budgetBelowTheMinimums() {
    // 0.9 h/day x 6 LSOAs x 31 days = 167.4 h < 6 x 31 h = 186 h.
    assertThat(check(Fixtures.settings(0.9, 0, null, null, Map.of(), Map.of())))
        .contains("budget 167.4 h in 2024-03 is below the sum of the LSOA minimums 186 h");
  }

  @Test
  void budgetBelowWhatFloorsAndMinimumsNeed() {
    // One ward much more populous: its floor (share 1) outgrows its minimums.
    List<Area> uneven = List.of(Fixtures.area("A", "W1", "B1", 1, 4500), Fixtures.area("B", "W1", "B1", 1, 4500),
        Fixtures.area("C", "W2", "B1", 1, 100));
    var f = Fixtures.flat("2024-02", uneven, i -> 1);
    var s = Fixtures.settings(1.2, 1.0, null, null, Map.of(), Map.of());
    assertThat(FeasibilityCheck.problem(MonthProblem.of(AreaUniverse.of(uneven), s, f, 0, null)).orElseThrow())
        // W1's floor: 9,000 / 9,100 x 111.6 h = 110.37 h, 110.5 h in blocks; plus W2's minimum 31 h.
        .isEqualTo("budget 111.6 h in 2024-03 is below what the wards need, 141.5 h (the LSOA minimums 93 h raised by the ward floors)");
  }

  @Test
  void officerHoursTooFewForTheMinimums() {
    assertThat(check(Fixtures.settings(1.8, 0, 300.0, null, Map.of(), Map.of())))
        .contains("officer-hours available 300 in 2024-03 allow 150 h of patrols of 2 officers, below the sum of the LSOA minimums 186 h");
  }

  @Test
  void wardFloorAboveItsCap() {
    // Floor: 0.5 x 1/2 x (1.8 x 6 x 31 = 334.8 h) = 83.7 h; cap 80 h (below the minimums, 93 h, too:
    // the floor-above-cap message comes first).
    assertThat(check(Fixtures.settings(1.8, 0.5, null, null, Map.of(), Map.of("W000", 80.0))))
        .contains("ward W000's floor 83.7 h (84 h in whole blocks of 0.5 h) exceeds its cap 80 h in 2024-03");
  }

  @Test
  void wardCapBelowItsMinimums() {
    assertThat(check(Fixtures.settings(1.8, 0, null, null, Map.of(), Map.of("W001", 90.0))))
        .contains("ward W001's cap 90 h in 2024-03 is below the sum of its LSOA minimums 93 h");
  }

  @Test
  void wardFloorBeyondItsMaximums() {
    // Share 2 of a huge budget: floor 2 x 1/2 x (10 x 6 x 31) = 1,860 h > 3 x 80.5 h.
    assertThat(check(Fixtures.settings(10, 2, null, null, Map.of(), Map.of())))
        .contains("ward W000's floor 1,860 h in 2024-03 is more than its LSOAs can take (sum of their maximums 241.5 h)");
  }

  @Test
  void boroughCapBelowWhatItsWardsNeed() {
    assertThat(check(Fixtures.settings(1.8, 0, null, null, Map.of("B000", 150.0), Map.of())))
        .contains("borough B000's cap 150 h in 2024-03 is below what its wards need: 186 h (LSOA minimums and ward floors)");
  }

  @Test
  void minimumAboveMaximum() {
    AllocationSettings d = AllocationSettings.defaults();
    AllocationSettings s = new AllocationSettings(0.5, 3.0, 2.6, 2, 5, 2, null, 0, null, Map.of(), Map.of(), 6);
    assertThat(check(s)).contains("LSOA E000000 in 2024-03: minimum 93 h is above its maximum 80.6 h");
    assertThat(d.blockHours()).isEqualTo(0.5);
  }

  @Test
  void smoothingThatMissesTheBounds() {
    // The previous plan gave every LSOA 20 h in March (below today's 31 h minimum); a 5 h limit cannot reach 31 h.
    List<Double> hours = List.of(20.0, 20.0, 20.0, 20.0, 20.0, 20.0);
    var previous = PlanHoursFixture.plan("plan-2024-01-r1-m", "2024-01",
        List.of("2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07"),
        areas.stream().map(a -> PlanHoursFixture.lsoa(a, hours)).toList());
    assertThat(check(Fixtures.settings(1.8, 0, null, 5.0, Map.of(), Map.of()), PlanHours.of(previous)))
        .contains("LSOA E000000 in 2024-03: the smoothing limit of 5 h around the previous plan's 20 h allows 15 to 25 h, "
            + "outside its bounds 31 to 80.6 h (in whole blocks of 0.5 h)");
  }
}
