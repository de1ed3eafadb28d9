package uk.patrolcast.allocator;

import java.util.Map;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.events.AllocationPlan;

/**
 * What a what-if is planned from, as the service's loop last saw it: an immutable snapshot that HTTP
 * threads read while the loop goes on.
 *
 * @param profiles reference data per LSOA code
 * @param forecasts complete forecast sets by origin month (oldest first)
 * @param current the current plan, or null
 */
record PlanningInputs(Map<String, Area> profiles, Map<String, ForecastSet> forecasts, AllocationPlan current) {
  static final PlanningInputs EMPTY = new PlanningInputs(Map.of(), Map.of(), null);

  /** The forecasts of an origin, or the latest when {@code origin} is null; null when none. */
  ForecastSet forecastsFor(String origin) {
    if (forecasts.isEmpty()) {
      return null;
    }
    if (origin == null) {
      ForecastSet latest = null;
      for (ForecastSet f : forecasts.values()) {
        latest = f;
      }
      return latest;
    }
    return forecasts.get(origin);
  }
}
