package uk.patrolcast.allocator.plan;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.solve.LpAllocationSolver;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.PlanKind;

/** A planner for tests (shared: its threads are daemons). */
public final class Planning {
  public static final AllocationPlanner PLANNER =
      new AllocationPlanner(new LpAllocationSolver(LpAllocationSolver.Options.defaults()), 2);

  private Planning() {}

  public static AllocationPlan plan(List<Area> areas, ForecastSet f, AllocationSettings s, AllocationPlan previous) {
    Map<String, Area> profiles = new HashMap<>();
    areas.forEach(a -> profiles.put(a.lsoa21cd(), a));
    return PLANNER.plan(new AllocationPlanner.PlanRequest(f.planId(), PlanKind.CURRENT, null, profiles, f, s, previous, Instant.EPOCH));
  }
}
