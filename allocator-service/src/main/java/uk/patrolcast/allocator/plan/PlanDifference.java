package uk.patrolcast.allocator.plan;

import uk.patrolcast.allocator.model.PlanHours;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanChange;

/** How a plan differs from a previous one on the LSOA-months both cover. */
final class PlanDifference {
  private PlanDifference() {}

  /** The change figures, or null without a previous plan. */
  static PlanChange between(PlanHours previous, AllocationPlan plan) {
    if (previous == null) {
      return null;
    }
    int monthsCompared = 0;
    for (String month : plan.getMonths()) {
      if (previous.covers(month)) {
        monthsCompared++;
      }
    }
    int changed = 0;
    double moved = 0;
    double largest = 0;
    for (LsoaAllocation a : plan.getLsoas()) {
      for (int m = 0; m < plan.getMonths().size(); m++) {
        double before = previous.hours(plan.getMonths().get(m), a.getLsoa21cd());
        if (Double.isNaN(before)) {
          continue;
        }
        double delta = Math.abs(a.getHours().get(m) - before);
        if (delta > 1e-9) {
          changed++;
          moved += delta;
          largest = Math.max(largest, delta);
        }
      }
    }
    return PlanChange.newBuilder()
        .setPreviousPlanId(previous.planId())
        .setMonthsCompared(monthsCompared)
        .setLsoasChanged(changed)
        .setHoursMoved(moved / 2)
        .setMaxChangeHours(largest)
        .build();
  }
}
