package uk.patrolcast.allocator.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;

/** The hours of a published plan by month and LSOA: what smoothing and the change figures compare with. */
public final class PlanHours {
  private final String planId;
  private final Map<String, Integer> monthIndex = new HashMap<>();
  private final Map<String, Integer> lsoaIndex;
  private final double[][] hours;

  private PlanHours(String planId, List<String> months, List<LsoaAllocation> lsoas) {
    this.planId = planId;
    for (int m = 0; m < months.size(); m++) {
      monthIndex.put(months.get(m), m);
    }
    lsoaIndex = new HashMap<>(lsoas.size() * 2);
    hours = new double[months.size()][lsoas.size()];
    for (int i = 0; i < lsoas.size(); i++) {
      LsoaAllocation a = lsoas.get(i);
      lsoaIndex.put(a.getLsoa21cd(), i);
      for (int m = 0; m < months.size(); m++) {
        hours[m][i] = m < a.getHours().size() ? a.getHours().get(m) : Double.NaN;
      }
    }
  }

  /** The hours of a plan (none for a refusal). */
  public static PlanHours of(AllocationPlan plan) {
    return new PlanHours(plan.getPlanId(), plan.getLsoas().isEmpty() ? List.of() : plan.getMonths(), plan.getLsoas());
  }

  public String planId() {
    return planId;
  }

  /** Whether the plan covers the month. */
  public boolean covers(String month) {
    return monthIndex.containsKey(month);
  }

  /** Hours of an LSOA in a month, or NaN when the plan does not cover them. */
  public double hours(String month, String lsoa21cd) {
    Integer m = monthIndex.get(month);
    Integer i = m == null ? null : lsoaIndex.get(lsoa21cd);
    return i == null ? Double.NaN : hours[m][i];
  }
}
