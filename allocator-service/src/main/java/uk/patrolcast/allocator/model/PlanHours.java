package uk.patrolcast.allocator.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;

/** The hours of a published plan by month and LSOA: what smoothing and the change figures compare with. */
public final class PlanHours {
  private final String planId;
  private final Map<String, Map<String, Double>> byMonth = new HashMap<>();

  private PlanHours(String planId) {
    this.planId = planId;
  }

  /** The hours of a plan (empty for a refusal). */
  public static PlanHours of(AllocationPlan plan) {
    PlanHours out = new PlanHours(plan.getPlanId());
    List<String> months = plan.getMonths();
    for (LsoaAllocation a : plan.getLsoas()) {
      for (int m = 0; m < months.size() && m < a.getHours().size(); m++) {
        out.byMonth.computeIfAbsent(months.get(m), k -> new HashMap<>()).put(a.getLsoa21cd(), a.getHours().get(m));
      }
    }
    return out;
  }

  public String planId() {
    return planId;
  }

  /** Whether the plan covers the month. */
  public boolean covers(String month) {
    return byMonth.containsKey(month);
  }

  /** Hours of an LSOA in a month, or NaN when the plan does not cover them. */
  public double hours(String month, String lsoa21cd) {
    Map<String, Double> m = byMonth.get(month);
    Double h = m == null ? null : m.get(lsoa21cd);
    return h == null ? Double.NaN : h;
  }
}
