package uk.patrolcast.console.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.events.AllocationParameters;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanChange;
import uk.patrolcast.events.PlanFairness;
import uk.patrolcast.events.WardAllocation;

/**
 * A plan (current or what-if) in compact form: per planned month, the hours, forecast and bounds of
 * every LSOA as arrays in {@link AreaIndex} order, the ward rows, and the plan's figures.
 */
public final class PlanSnapshot {
  /** One ward of the plan. */
  public record WardRow(
      String wardCode, String wardName, String boroughCode, int population, double[] hours, double[] forecast,
      double[] floorHours, double hoursToPopulationShare) {

    public double totalHours() {
      double s = 0;
      for (double h : hours) {
        s += h;
      }
      return s;
    }

    public double totalForecast() {
      double s = 0;
      for (double f : forecast) {
        s += f;
      }
      return s;
    }
  }

  private final String planId;
  private final String kind;
  private final String status;
  private final String message;
  private final String requestId;
  private final String originMonth;
  private final List<String> months;
  private final Map<String, Object> parameters;
  private final AreaValues[] hours;
  private final AreaValues[] forecast;
  private final AreaValues[] minHours;
  private final AreaValues[] maxHours;
  private final String[] boroughOf;
  private final List<WardRow> wards;
  private final Map<String, Object> figures;
  private final Map<String, Object> fairness;
  private final Map<String, Object> change;
  private final List<String> binding;
  private final Instant createdAt;
  private final int lsoaCount;

  private PlanSnapshot(AllocationPlan p, AreaIndex lsoas) {
    planId = p.getPlanId();
    kind = p.getKind().name();
    status = p.getStatus().name();
    message = p.getMessage();
    requestId = p.getRequestId();
    originMonth = p.getOriginMonth();
    months = List.copyOf(p.getMonths());
    parameters = parameters(p.getParameters());
    int m = months.size();
    hours = new AreaValues[m];
    forecast = new AreaValues[m];
    minHours = new AreaValues[m];
    maxHours = new AreaValues[m];
    for (int i = 0; i < m; i++) {
      hours[i] = new AreaValues(5000);
      forecast[i] = new AreaValues(5000);
      minHours[i] = new AreaValues(5000);
      maxHours[i] = new AreaValues(5000);
    }
    List<String> boroughs = new ArrayList<>();
    for (LsoaAllocation a : p.getLsoas()) {
      int idx = lsoas.add(a.getLsoa21cd());
      while (boroughs.size() <= idx) {
        boroughs.add(null);
      }
      boroughs.set(idx, a.getBoroughCode().intern());
      for (int i = 0; i < m; i++) {
        hours[i].set(idx, at(a.getHours(), i));
        forecast[i].set(idx, at(a.getForecast(), i));
        minHours[i].set(idx, at(a.getMinHours(), i));
        maxHours[i].set(idx, at(a.getMaxHours(), i));
      }
    }
    boroughOf = boroughs.toArray(String[]::new);
    lsoaCount = p.getLsoas().size();
    List<WardRow> rows = new ArrayList<>(p.getWards().size());
    for (WardAllocation w : p.getWards()) {
      rows.add(new WardRow(w.getWardCode(), w.getWardName(), w.getBoroughCode(), w.getPopulation(),
          doubles(w.getHours()), doubles(w.getForecast()), doubles(w.getFloorHours()), w.getHoursToPopulationShare()));
    }
    wards = List.copyOf(rows);
    figures = new LinkedHashMap<>();
    figures.put("objective", p.getObjective());
    figures.put("bestBound", p.getBestBound());
    figures.put("gap", p.getGap());
    figures.put("solveMillis", p.getSolveMillis());
    figures.put("solver", p.getSolver());
    figures.put("forecastModelVersion", p.getForecastModelVersion());
    figures.put("dataMonth", p.getDataMonth());
    figures.put("dataRevision", p.getDataRevision());
    fairness = fairness(p.getFairness());
    change = change(p.getChange());
    binding = List.copyOf(p.getBindingConstraints());
    createdAt = p.getCreatedAt();
  }

  public static PlanSnapshot of(AllocationPlan plan, AreaIndex lsoas) {
    return new PlanSnapshot(plan, lsoas);
  }

  public String planId() {
    return planId;
  }

  public String kind() {
    return kind;
  }

  public String status() {
    return status;
  }

  public boolean optimal() {
    return "OPTIMAL".equals(status);
  }

  public String message() {
    return message;
  }

  public String requestId() {
    return requestId;
  }

  public String originMonth() {
    return originMonth;
  }

  public List<String> months() {
    return months;
  }

  public Map<String, Object> parameters() {
    return parameters;
  }

  public AreaValues hours(int month) {
    return hours[month];
  }

  public AreaValues forecast(int month) {
    return forecast[month];
  }

  public AreaValues minHours(int month) {
    return minHours[month];
  }

  public AreaValues maxHours(int month) {
    return maxHours[month];
  }

  /** Borough code of an LSOA in the plan, or null. */
  public String boroughOf(int area) {
    return area >= 0 && area < boroughOf.length ? boroughOf[area] : null;
  }

  public int lsoaCount() {
    return lsoaCount;
  }

  public List<WardRow> wards() {
    return wards;
  }

  public Map<String, Object> figures() {
    return figures;
  }

  public Map<String, Object> fairness() {
    return fairness;
  }

  public Map<String, Object> change() {
    return change;
  }

  public List<String> bindingConstraints() {
    return binding;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Total hours of each planned month. */
  public double[] monthTotals() {
    double[] out = new double[months.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = hours[i].sum();
    }
    return out;
  }

  /** Everything but the per-area arrays, for JSON. */
  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("planId", planId);
    s.put("kind", kind);
    s.put("status", status);
    s.put("message", message);
    s.put("requestId", requestId);
    s.put("originMonth", originMonth);
    s.put("months", months);
    s.put("monthTotals", monthTotals());
    s.put("lsoas", lsoaCount);
    s.put("wards", wards.size());
    s.put("parameters", parameters);
    s.put("figures", figures);
    s.put("fairness", fairness);
    s.put("change", change);
    s.put("bindingConstraints", binding);
    s.put("createdAt", createdAt == null ? null : createdAt.toString());
    return s;
  }

  private static double at(List<Double> values, int i) {
    return i < values.size() && values.get(i) != null ? values.get(i) : Double.NaN;
  }

  private static double[] doubles(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static Map<String, Object> parameters(AllocationParameters a) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (a == null) {
      return m;
    }
    m.put("blockHours", a.getBlockHours());
    m.put("minHoursPerDay", a.getMinHoursPerDay());
    m.put("maxHoursPerDay", a.getMaxHoursPerDay());
    m.put("maxAreaScale", a.getMaxAreaScale());
    m.put("budgetHoursPerDayPerLsoa", a.getBudgetHoursPerDayPerLsoa());
    m.put("officersPerPatrol", a.getOfficersPerPatrol());
    m.put("officerHoursPerMonth", a.getOfficerHoursPerMonth());
    m.put("wardFloorShare", a.getWardFloorShare());
    m.put("maxChangeHours", a.getMaxChangeHours());
    m.put("boroughCaps", Map.copyOf(a.getBoroughCaps()));
    m.put("wardCaps", Map.copyOf(a.getWardCaps()));
    m.put("horizonMonths", a.getHorizonMonths());
    return m;
  }

  private static Map<String, Object> fairness(PlanFairness f) {
    if (f == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("minHoursPerForecastBurglary", f.getMinHoursPerForecastBurglary());
    m.put("maxHoursPerForecastBurglary", f.getMaxHoursPerForecastBurglary());
    m.put("minHoursToPopulationShare", f.getMinHoursToPopulationShare());
    m.put("maxHoursToPopulationShare", f.getMaxHoursToPopulationShare());
    m.put("forecastShareAboveMinimum", f.getForecastShareAboveMinimum());
    m.put("wardsAtFloor", f.getWardsAtFloor());
    return m;
  }

  private static Map<String, Object> change(PlanChange c) {
    if (c == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("previousPlanId", c.getPreviousPlanId());
    m.put("monthsCompared", c.getMonthsCompared());
    m.put("lsoasChanged", c.getLsoasChanged());
    m.put("hoursMoved", c.getHoursMoved());
    m.put("maxChangeHours", c.getMaxChangeHours());
    return m;
  }
}
