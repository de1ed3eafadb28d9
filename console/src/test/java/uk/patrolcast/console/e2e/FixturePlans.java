package uk.patrolcast.console.e2e;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import uk.patrolcast.events.AllocationParameters;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanChange;
import uk.patrolcast.events.PlanFairness;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WardAllocation;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.config.Months;

/** AllocationPlans (current and what-if) from the fixture's forecasts and the greedy planner. */
final class FixturePlans {
  static final int HORIZON = 6;

  private final LondonData d;
  private final FixtureModels models;

  FixturePlans(LondonData d, FixtureModels models) {
    this.d = d;
    this.models = models;
  }

  /** The current plan of origin month index {@code o}, compared with {@code previous} when given. */
  AllocationPlan current(int o, AllocationPlan previous) {
    String planId = "plan-" + d.months.get(o) + "-r1-" + FixtureModels.MODEL;
    return build(planId, PlanKind.CURRENT, null, o, GreedyPlanner.Settings.defaults(), previous, FixtureModels.AT);
  }

  /** The answer to a what-if: the current plan's origin unless the request names one; every null keeps the default. */
  AllocationPlan whatIf(WhatIfRequest r, AllocationPlan current) {
    GreedyPlanner.Settings base = GreedyPlanner.Settings.defaults();
    String origin = r.getOriginMonth() != null ? r.getOriginMonth()
        : current != null ? current.getOriginMonth() : d.months.get(d.months.size() - 1);
    int o = d.months.indexOf(origin);
    if (o < 12) {
      return refusal(r, "originMonth " + origin + " has no forecast in the fixture");
    }
    double budget = r.getBudgetHoursPerDayPerLsoa() != null ? r.getBudgetHoursPerDayPerLsoa()
        : base.budgetHoursPerDayPerLsoa() * (r.getBudgetScale() == null ? 1 : r.getBudgetScale());
    GreedyPlanner.Settings s = new GreedyPlanner.Settings(
        r.getBlockHours() == null ? base.blockHours() : r.getBlockHours(),
        r.getMinHoursPerDay() == null ? base.minHoursPerDay() : r.getMinHoursPerDay(),
        r.getMaxHoursPerDay() == null ? base.maxHoursPerDay() : r.getMaxHoursPerDay(),
        base.maxAreaScale(), budget, r.getBoroughCaps() == null ? Map.of() : r.getBoroughCaps());
    AllocationPlan plan = build("whatif-" + r.getRequestId(), PlanKind.WHAT_IF, r.getRequestId(), o, s, current, Instant.now());
    return plan;
  }

  private AllocationPlan refusal(WhatIfRequest r, String message) {
    return AllocationPlan.newBuilder().setPlanId("whatif-" + r.getRequestId()).setKind(PlanKind.WHAT_IF)
        .setRequestId(r.getRequestId()).setStatus(PlanStatus.INVALID_REQUEST).setMessage(message)
        .setOriginMonth(String.valueOf(r.getOriginMonth())).setMonths(List.of()).setParameters(parameters(GreedyPlanner.Settings.defaults()))
        .setObjective(0).setBestBound(0).setGap(0).setSolveMillis(0).setSolver("fixture greedy")
        .setForecastModelVersion(FixtureModels.MODEL).setDataMonth(String.valueOf(r.getOriginMonth())).setDataRevision(1)
        .setCreatedAt(Instant.now()).build();
  }

  private AllocationPlan build(String planId, PlanKind kind, String requestId, int o, GreedyPlanner.Settings s,
      AllocationPlan previous, Instant at) {
    long started = System.nanoTime();
    int n = d.codes.size();
    double[] area = new double[n];
    String[] borough = new String[n];
    for (int a = 0; a < n; a++) {
      LondonData.Area x = d.areas.get(d.codes.get(a));
      area[a] = x.areaKm2;
      borough[a] = x.boroughCode;
    }
    YearMonth origin = Months.parse(d.months.get(o));
    List<String> months = new ArrayList<>();
    double[][] hours = new double[HORIZON][];
    double[][] min = new double[HORIZON][];
    double[][] max = new double[HORIZON][];
    double[][] risk = new double[HORIZON][n];
    double objective = 0;
    List<String> binding = new ArrayList<>();
    for (int h = 1; h <= HORIZON; h++) {
      YearMonth month = origin.plusMonths(h);
      months.add(Months.format(month));
      for (int a = 0; a < n; a++) {
        risk[h - 1][a] = models.predict(o, o + h, a);
      }
      GreedyPlanner.MonthPlan p = GreedyPlanner.plan(month, risk[h - 1], area, borough, s);
      if (p.hours() == null) {
        return AllocationPlan.newBuilder().setPlanId(planId).setKind(kind).setRequestId(requestId).setStatus(PlanStatus.INFEASIBLE)
            .setMessage(p.message()).setOriginMonth(d.months.get(o)).setMonths(List.of()).setParameters(parameters(s))
            .setObjective(0).setBestBound(0).setGap(0).setSolveMillis((System.nanoTime() - started) / 1_000_000)
            .setSolver("fixture greedy").setForecastModelVersion(FixtureModels.MODEL).setDataMonth(d.months.get(o))
            .setDataRevision(1).setCreatedAt(at).build();
      }
      hours[h - 1] = p.hours();
      min[h - 1] = p.min();
      max[h - 1] = p.max();
      objective += p.objective();
      binding.addAll(p.binding());
    }
    List<LsoaAllocation> lsoas = new ArrayList<>(n);
    Map<String, double[][]> wards = new LinkedHashMap<>();
    Map<String, LondonData.Area> wardInfo = new LinkedHashMap<>();
    Map<String, Integer> wardPop = new LinkedHashMap<>();
    for (int a = 0; a < n; a++) {
      LondonData.Area x = d.areas.get(d.codes.get(a));
      List<Double> hs = new ArrayList<>();
      List<Double> fs = new ArrayList<>();
      List<Double> mins = new ArrayList<>();
      List<Double> maxs = new ArrayList<>();
      double[][] w = wards.computeIfAbsent(x.wardCode, k -> new double[2][HORIZON]);
      wardInfo.putIfAbsent(x.wardCode, x);
      wardPop.merge(x.wardCode, x.population, Integer::sum);
      for (int m = 0; m < HORIZON; m++) {
        hs.add(hours[m][a]);
        fs.add(FixtureModels.round(risk[m][a]));
        mins.add(min[m][a]);
        maxs.add(max[m][a]);
        w[0][m] += hours[m][a];
        w[1][m] += risk[m][a];
      }
      lsoas.add(LsoaAllocation.newBuilder().setLsoa21cd(x.code).setWardCode(x.wardCode).setBoroughCode(x.boroughCode)
          .setHours(hs).setForecast(fs).setMinHours(mins).setMaxHours(maxs).build());
    }
    double totalHours = 0;
    double totalPop = 0;
    for (double[][] w : wards.values()) {
      for (double h : w[0]) {
        totalHours += h;
      }
    }
    for (int p : wardPop.values()) {
      totalPop += p;
    }
    List<WardAllocation> wardRows = new ArrayList<>();
    double minPerBurglary = Double.MAX_VALUE;
    double maxPerBurglary = 0;
    double minShare = Double.MAX_VALUE;
    double maxShare = 0;
    for (Map.Entry<String, double[][]> e : wards.entrySet()) {
      double[][] w = e.getValue();
      double h = 0;
      double f = 0;
      List<Double> hs = new ArrayList<>();
      List<Double> fs = new ArrayList<>();
      List<Double> floors = new ArrayList<>();
      for (int m = 0; m < HORIZON; m++) {
        h += w[0][m];
        f += w[1][m];
        hs.add(w[0][m]);
        fs.add(FixtureModels.round(w[1][m]));
        floors.add(0.0);
      }
      int pop = wardPop.get(e.getKey());
      double share = (h / totalHours) / (pop / totalPop);
      if (f > 0) {
        minPerBurglary = Math.min(minPerBurglary, h / f);
        maxPerBurglary = Math.max(maxPerBurglary, h / f);
      }
      minShare = Math.min(minShare, share);
      maxShare = Math.max(maxShare, share);
      LondonData.Area x = wardInfo.get(e.getKey());
      wardRows.add(WardAllocation.newBuilder().setWardCode(e.getKey()).setWardName(x.wardName).setBoroughCode(x.boroughCode)
          .setPopulation(pop).setHours(hs).setForecast(fs).setFloorHours(floors).setHoursToPopulationShare(FixtureModels.round(share)).build());
    }
    double above = 0;
    double all = 0;
    for (int m = 0; m < HORIZON; m++) {
      for (int a = 0; a < n; a++) {
        all += risk[m][a];
        if (hours[m][a] > min[m][a] + 1e-9) {
          above += risk[m][a];
        }
      }
    }
    PlanFairness fairness = PlanFairness.newBuilder().setMinHoursPerForecastBurglary(minPerBurglary)
        .setMaxHoursPerForecastBurglary(maxPerBurglary).setMinHoursToPopulationShare(minShare)
        .setMaxHoursToPopulationShare(maxShare).setForecastShareAboveMinimum(all == 0 ? 0 : above / all).setWardsAtFloor(0).build();
    return AllocationPlan.newBuilder().setPlanId(planId).setKind(kind).setRequestId(requestId).setStatus(PlanStatus.OPTIMAL)
        .setOriginMonth(d.months.get(o)).setMonths(months).setParameters(parameters(s)).setLsoas(lsoas).setWards(wardRows)
        .setObjective(objective).setBestBound(objective).setGap(0).setSolveMillis((System.nanoTime() - started) / 1_000_000)
        .setSolver("fixture greedy (exact for one budget per month)").setBindingConstraints(List.copyOf(new LinkedHashSet<>(binding)))
        .setFairness(fairness).setChange(previous == null ? null : change(previous, months, hours))
        .setForecastModelVersion(FixtureModels.MODEL).setDataMonth(d.months.get(o)).setDataRevision(1).setCreatedAt(at).build();
  }

  private PlanChange change(AllocationPlan previous, List<String> months, double[][] hours) {
    int compared = 0;
    int changed = 0;
    double moved = 0;
    double maxChange = 0;
    for (int m = 0; m < months.size(); m++) {
      int pm = previous.getMonths().indexOf(months.get(m));
      if (pm < 0) {
        continue;
      }
      compared++;
      for (int a = 0; a < previous.getLsoas().size(); a++) {
        double diff = hours[m][a] - previous.getLsoas().get(a).getHours().get(pm);
        if (Math.abs(diff) > 1e-9) {
          changed++;
          moved += Math.abs(diff) / 2;
          maxChange = Math.max(maxChange, Math.abs(diff));
        }
      }
    }
    return PlanChange.newBuilder().setPreviousPlanId(previous.getPlanId()).setMonthsCompared(compared).setLsoasChanged(changed)
        .setHoursMoved(moved).setMaxChangeHours(maxChange).build();
  }

  static AllocationParameters parameters(GreedyPlanner.Settings s) {
    return AllocationParameters.newBuilder().setBlockHours(s.blockHours()).setMinHoursPerDay(s.minHoursPerDay())
        .setMaxHoursPerDay(s.maxHoursPerDay()).setMaxAreaScale(s.maxAreaScale())
        .setBudgetHoursPerDayPerLsoa(s.budgetHoursPerDayPerLsoa()).setOfficersPerPatrol(2).setOfficerHoursPerMonth(null)
        .setWardFloorShare(0).setMaxChangeHours(null).setBoroughCaps(s.boroughCaps()).setWardCaps(Map.of())
        .setHorizonMonths(HORIZON).build();
  }
}
