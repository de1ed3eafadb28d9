package uk.patrolcast.allocator;

import java.time.Instant;
import uk.patrolcast.allocator.check.PlanRefused;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.plan.AllocationPlanner;
import uk.patrolcast.allocator.plan.AllocationPlanner.PlanRequest;
import uk.patrolcast.allocator.plan.WhatIfSettings;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WhatIfRequest;

/**
 * Answers a what-if request, from the topic or over HTTP alike: the current settings with the
 * request's overrides, on the forecasts it names (or the latest), smoothed against and compared with
 * the current plan. The answer is a WHAT_IF plan or a refusal; it never becomes current.
 */
final class WhatIfAnswers {
  private final AllocationPlanner planner;
  private final AllocationSettings base;

  WhatIfAnswers(AllocationPlanner planner, AllocationSettings base) {
    this.planner = planner;
    this.base = base;
  }

  AllocationPlan answer(WhatIfRequest r, PlanningInputs inputs, Instant now) {
    ForecastSet forecasts = inputs.forecastsFor(r.getOriginMonth());
    String planId = "whatif-" + r.getRequestId();
    PlanRequest plain = new PlanRequest(planId, PlanKind.WHAT_IF, r.getRequestId(), inputs.profiles(), forecasts, base,
        inputs.current(), now);
    if (r.getRequestId() == null || r.getRequestId().isBlank()) {
      return AllocationPlanner.refusal(plain, PlanStatus.INVALID_REQUEST, "the request has no requestId");
    }
    if (forecasts == null) {
      String message = r.getOriginMonth() == null
          ? "no complete forecasts to plan from yet"
          : "no complete forecasts held for origin " + r.getOriginMonth() + " (held: "
              + (inputs.forecasts().isEmpty() ? "none" : String.join(", ", inputs.forecasts().keySet())) + ")";
      return AllocationPlanner.refusal(plain, PlanStatus.INVALID_REQUEST, message);
    }
    AllocationSettings settings;
    try {
      settings = WhatIfSettings.apply(base, r);
    } catch (PlanRefused e) {
      return AllocationPlanner.refusal(plain, e.status(), e.getMessage());
    }
    return planner.plan(new PlanRequest(planId, PlanKind.WHAT_IF, r.getRequestId(), inputs.profiles(), forecasts, settings,
        inputs.current(), now));
  }
}
