package uk.patrolcast.console.e2e;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The fixture's stand-in for the allocator: the allocation model's bounds, budget and objective
 * (maximise sum r * alpha * ln(1 + x), alpha = 1 / ln(1 + max)) solved by filling the floors and then
 * giving each next block to the largest marginal gain, which is exact for this separable concave
 * objective under one budget per month (optional borough caps are respected greedily). Ward fairness
 * floors are not modelled here (the real allocator does that).
 */
final class GreedyPlanner {
  /** Settings of one plan. */
  record Settings(double blockHours, double minHoursPerDay, double maxHoursPerDay, double maxAreaScale,
      double budgetHoursPerDayPerLsoa, Map<String, Double> boroughCaps) {
    static Settings defaults() {
      return new Settings(0.5, 1.0, 2.6, 2.0, 1.8, Map.of());
    }
  }

  /** Hours per LSOA for one month, with the bounds used; null hours when infeasible (message says why). */
  record MonthPlan(double[] hours, double[] min, double[] max, double objective, String message, List<String> binding) {}

  private GreedyPlanner() {}

  static MonthPlan plan(YearMonth month, double[] risk, double[] areaKm2, String[] borough, Settings s) {
    int n = risk.length;
    int days = month.lengthOfMonth();
    double meanArea = 0;
    for (double a : areaKm2) {
      meanArea += a / n;
    }
    double[] min = new double[n];
    double[] max = new double[n];
    double[] x = new double[n];
    double budget = s.budgetHoursPerDayPerLsoa() * days * n;
    double used = 0;
    Map<String, Double> boroughUsed = new HashMap<>();
    for (int i = 0; i < n; i++) {
      min[i] = Math.ceil(s.minHoursPerDay() * days / s.blockHours()) * s.blockHours();
      double scale = Math.max(1, Math.min(s.maxAreaScale(), areaKm2[i] / meanArea));
      max[i] = Math.max(min[i], Math.floor(s.maxHoursPerDay() * days * scale / s.blockHours()) * s.blockHours());
      x[i] = min[i];
      used += min[i];
      boroughUsed.merge(borough[i], min[i], Double::sum);
    }
    if (used > budget + 1e-9) {
      return new MonthPlan(null, min, max, 0, String.format(
          "budget %s: the floors need %.1f h but the budget is %.1f h (%.2f h/day per LSOA)", month, used, budget,
          s.budgetHoursPerDayPerLsoa()), List.of());
    }
    for (Map.Entry<String, Double> cap : s.boroughCaps().entrySet()) {
      double floors = boroughUsed.getOrDefault(cap.getKey(), 0.0);
      if (floors > cap.getValue() + 1e-9) {
        return new MonthPlan(null, min, max, 0, String.format("borough cap %s %s: the floors need %.1f h, the cap is %.1f h",
            cap.getKey(), month, floors, cap.getValue()), List.of());
      }
    }
    PriorityQueue<double[]> gains = new PriorityQueue<>((a, b) -> Double.compare(b[0], a[0]) != 0
        ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
    double[] alpha = new double[n];
    for (int i = 0; i < n; i++) {
      alpha[i] = 1 / Math.log(1 + max[i]);
      if (x[i] + s.blockHours() <= max[i] + 1e-9) {
        gains.add(new double[] {gain(risk[i], alpha[i], x[i], s.blockHours()), i});
      }
    }
    List<String> binding = new ArrayList<>();
    while (!gains.isEmpty() && used + s.blockHours() <= budget + 1e-9) {
      double[] g = gains.poll();
      int i = (int) g[1];
      Double cap = s.boroughCaps().get(borough[i]);
      if (cap != null && boroughUsed.get(borough[i]) + s.blockHours() > cap + 1e-9) {
        if (!binding.contains("borough cap " + borough[i] + " " + month)) {
          binding.add("borough cap " + borough[i] + " " + month);
        }
        continue;
      }
      x[i] += s.blockHours();
      used += s.blockHours();
      boroughUsed.merge(borough[i], s.blockHours(), Double::sum);
      if (x[i] + s.blockHours() <= max[i] + 1e-9) {
        gains.add(new double[] {gain(risk[i], alpha[i], x[i], s.blockHours()), i});
      }
    }
    if (used + s.blockHours() > budget + 1e-9) {
      binding.add(0, "budget " + month);
    }
    double objective = 0;
    for (int i = 0; i < n; i++) {
      objective += risk[i] * alpha[i] * Math.log(1 + x[i]);
    }
    return new MonthPlan(x, min, max, objective, null, binding);
  }

  private static double gain(double r, double alpha, double x, double block) {
    return r * alpha * (Math.log(1 + x + block) - Math.log(1 + x));
  }
}
