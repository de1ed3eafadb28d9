package uk.patrolcast.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.AllocationParameters;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WardAllocation;

class PlanDiffTest {

  static AllocationPlan plan(String id, List<String> months, double[][] hoursByLsoa) {
    List<LsoaAllocation> lsoas = new java.util.ArrayList<>();
    String[] wards = {"W1", "W1", "W2"};
    String[] boroughs = {"B1", "B1", "B2"};
    double[][] wardHours = new double[2][months.size()];
    for (int a = 0; a < hoursByLsoa.length; a++) {
      List<Double> h = java.util.Arrays.stream(hoursByLsoa[a]).boxed().toList();
      lsoas.add(LsoaAllocation.newBuilder().setLsoa21cd("L" + a).setWardCode(wards[a]).setBoroughCode(boroughs[a]).setHours(h)
          .setForecast(h).setMinHours(h).setMaxHours(h).build());
      for (int m = 0; m < months.size(); m++) {
        wardHours[wards[a].equals("W1") ? 0 : 1][m] += hoursByLsoa[a][m];
      }
    }
    List<WardAllocation> wardRows = List.of(ward("W1", "B1", wardHours[0]), ward("W2", "B2", wardHours[1]));
    return AllocationPlan.newBuilder().setPlanId(id).setKind(PlanKind.CURRENT).setStatus(PlanStatus.OPTIMAL)
        .setOriginMonth("2024-01").setMonths(months)
        .setParameters(AllocationParameters.newBuilder().setBlockHours(0.5).setMinHoursPerDay(1).setMaxHoursPerDay(2.6)
            .setMaxAreaScale(2).setBudgetHoursPerDayPerLsoa(1.8).setOfficersPerPatrol(2).setWardFloorShare(0.5)
            .setBoroughCaps(Map.of()).setWardCaps(Map.of()).setHorizonMonths(months.size()).build())
        .setLsoas(lsoas).setWards(wardRows).setObjective(1).setBestBound(1).setGap(0).setSolveMillis(1).setSolver("test")
        .setForecastModelVersion("m").setDataMonth("2024-01").setDataRevision(1).setCreatedAt(Instant.EPOCH).build();
  }

  private static WardAllocation ward(String code, String borough, double[] hours) {
    List<Double> h = java.util.Arrays.stream(hours).boxed().toList();
    return WardAllocation.newBuilder().setWardCode(code).setWardName(code + " name").setBoroughCode(borough).setPopulation(100)
        .setHours(h).setForecast(h).setFloorHours(h).setHoursToPopulationShare(1).build();
  }

  @Test
  void comparesOnlyTheMonthsBothPlansCover() {
    AreaIndex index = new AreaIndex();
    PlanSnapshot base = PlanSnapshot.of(plan("base", List.of("2024-02", "2024-03"),
        new double[][] {{10, 10}, {20, 20}, {30, 30}}), index);
    // The what-if starts a month later: only 2024-03 is common.
    PlanSnapshot what = PlanSnapshot.of(plan("what", List.of("2024-03", "2024-04"),
        new double[][] {{14, 99}, {16, 99}, {30, 99}}), index);
    PlanDiff d = PlanDiff.between(base, what, index.size());
    assertThat(d.months()).containsExactly("2024-03");
    assertThat(d.baseTotals()).containsExactly(60);
    assertThat(d.candidateTotals()).containsExactly(60);
    assertThat(d.lsoaDelta()).containsExactly(4f, -4f, 0f);
    assertThat(d.lsoaMonthsChanged()).isEqualTo(2);
    assertThat(d.hoursMoved()).isCloseTo(4, within(1e-9));
    assertThat(d.netChange()).isCloseTo(0, within(1e-9));
    assertThat(d.maxChange()).isCloseTo(4, within(1e-9));
    assertThat(d.boroughs()).containsEntry("B1", 0.0).doesNotContainKey("B2");
  }

  @Test
  void aSmallerBudgetShowsAsRemovedHoursAndWardsAreRankedByChange() {
    AreaIndex index = new AreaIndex();
    PlanSnapshot base = PlanSnapshot.of(plan("base", List.of("2024-02"), new double[][] {{10}, {20}, {30}}), index);
    PlanSnapshot what = PlanSnapshot.of(plan("what", List.of("2024-02"), new double[][] {{10}, {18}, {20}}), index);
    PlanDiff d = PlanDiff.between(base, what, index.size());
    assertThat(d.hoursAdded()).isZero();
    assertThat(d.hoursRemoved()).isCloseTo(12, within(1e-9));
    assertThat(d.netChange()).isCloseTo(-12, within(1e-9));
    assertThat(d.wards()).extracting(PlanDiff.WardChange::wardCode).containsExactly("W2", "W1");
    assertThat(d.wards().get(0).delta()).isCloseTo(-10, within(1e-9));
    assertThat(d.boroughs()).containsEntry("B2", -10.0).containsEntry("B1", -2.0);
  }
}
