package uk.patrolcast.allocator.plan;

import java.util.Locale;
import uk.patrolcast.allocator.check.PlanRefused;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WhatIfRequest;

/** The settings a what-if asks for: the current ones with the request's non-null fields put in. */
public final class WhatIfSettings {
  private WhatIfSettings() {}

  /**
   * @throws PlanRefused (INVALID_REQUEST) for a budget scale that is not a positive number
   */
  public static AllocationSettings apply(AllocationSettings base, WhatIfRequest r) {
    double budget = base.budgetHoursPerDayPerLsoa();
    if (r.getBudgetHoursPerDayPerLsoa() != null) {
      budget = r.getBudgetHoursPerDayPerLsoa();
    } else if (r.getBudgetScale() != null) {
      double scale = r.getBudgetScale();
      if (!Double.isFinite(scale) || scale <= 0) {
        throw new PlanRefused(PlanStatus.INVALID_REQUEST,
            String.format(Locale.ROOT, "budget scale %s must be a positive number (0.9 = 10%% fewer hours)", scale));
      }
      budget *= scale;
    }
    return new AllocationSettings(
        or(r.getBlockHours(), base.blockHours()),
        or(r.getMinHoursPerDay(), base.minHoursPerDay()),
        or(r.getMaxHoursPerDay(), base.maxHoursPerDay()),
        base.maxAreaScale(),
        budget,
        base.officersPerPatrol(),
        r.getOfficerHoursPerMonth() != null ? r.getOfficerHoursPerMonth() : base.officerHoursPerMonth(),
        or(r.getWardFloorShare(), base.wardFloorShare()),
        r.getMaxChangeHours() != null ? r.getMaxChangeHours() : base.maxChangeHours(),
        r.getBoroughCaps() != null ? r.getBoroughCaps() : base.boroughCaps(),
        r.getWardCaps() != null ? r.getWardCaps() : base.wardCaps(),
        base.horizonMonths());
  }

  private static double or(Double value, double fallback) {
    return value != null ? value : fallback;
  }
}
