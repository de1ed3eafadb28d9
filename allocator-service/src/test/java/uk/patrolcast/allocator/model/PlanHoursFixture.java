package uk.patrolcast.allocator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.platform.config.Months;

/** A previous plan for smoothing tests: an optimal current plan record with the given hours. */
public record PlanHoursFixture(AllocationPlan plan) {

  public PlanHours hours() {
    return PlanHours.of(plan);
  }

  /** A plan from the month before {@code origin}, with random whole-block hours near the usual range. */
  public static PlanHoursFixture random(Random r, List<Area> areas, String origin, double block) {
    String previousOrigin = Months.format(Months.parse(origin).minusMonths(1));
    List<String> months = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      months.add(Months.format(Months.parse(previousOrigin).plusMonths(m)));
    }
    List<LsoaAllocation> lsoas = new ArrayList<>();
    for (Area a : areas) {
      List<Double> hours = new ArrayList<>();
      for (int m = 0; m < 6; m++) {
        hours.add(Math.round((30 + r.nextDouble() * 40) / block) * block);
      }
      lsoas.add(lsoa(a, hours));
    }
    return new PlanHoursFixture(plan("plan-" + previousOrigin + "-r1-test", previousOrigin, months, lsoas));
  }

  public static LsoaAllocation lsoa(Area a, List<Double> hours) {
    List<Double> zeros = hours.stream().map(h -> 0.0).toList();
    return LsoaAllocation.newBuilder().setLsoa21cd(a.lsoa21cd()).setWardCode(a.wardCode()).setBoroughCode(a.boroughCode())
        .setHours(hours).setForecast(zeros).setMinHours(zeros).setMaxHours(zeros).build();
  }

  public static AllocationPlan plan(String planId, String origin, List<String> months, List<LsoaAllocation> lsoas) {
    return AllocationPlan.newBuilder()
        .setPlanId(planId)
        .setKind(PlanKind.CURRENT)
        .setStatus(PlanStatus.OPTIMAL)
        .setOriginMonth(origin)
        .setMonths(months)
        .setParameters(AllocationSettings.defaults().toParameters())
        .setLsoas(lsoas)
        .setObjective(0)
        .setBestBound(0)
        .setGap(0)
        .setSolveMillis(0)
        .setSolver("fixture")
        .setForecastModelVersion("test")
        .setDataMonth(origin)
        .setDataRevision(1)
        .setCreatedAt(Instant.EPOCH)
        .build();
  }
}
