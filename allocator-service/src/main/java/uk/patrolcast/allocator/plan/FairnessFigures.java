package uk.patrolcast.allocator.plan;

import java.util.List;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.MonthProblem;
import uk.patrolcast.events.PlanFairness;

/**
 * Fairness and impact figures of a plan over all its months: each ward's hours against its
 * population share and its forecast burglaries, the share of forecast burglaries in LSOA-months
 * given more than the policy minimum, and how many ward-months sit exactly at their floor.
 */
final class FairnessFigures {
  private final double[] wardHours;
  private final double[] wardForecast;
  private final PlanFairness fairness;
  private final double totalHours;
  private final AreaUniverse universe;

  FairnessFigures(List<MonthProblem> problems, List<int[]> blocks) {
    AreaUniverse u = problems.get(0).universe();
    wardHours = new double[u.wards()];
    wardForecast = new double[u.wards()];
    double totalHours = 0;
    double forecast = 0;
    double forecastAboveMin = 0;
    int atFloor = 0;
    for (int m = 0; m < problems.size(); m++) {
      MonthProblem p = problems.get(m);
      int[] n = blocks.get(m);
      for (int i = 0; i < n.length; i++) {
        double hours = n[i] * p.blockHours();
        double r = p.forecast(i);
        wardHours[p.wardOf(i)] += hours;
        wardForecast[p.wardOf(i)] += r;
        totalHours += hours;
        forecast += r;
        if (n[i] > MonthProblem.ceilBlocks(p.policyMinHours(i), p.blockHours())) {
          forecastAboveMin += r;
        }
      }
      atFloor += BindingConstraints.wardsAtFloor(p, n);
    }
    double minPerBurglary = Double.NaN;
    double maxPerBurglary = Double.NaN;
    double minShare = Double.NaN;
    double maxShare = Double.NaN;
    for (int w = 0; w < u.wards(); w++) {
      if (wardForecast[w] > 0) {
        double ratio = wardHours[w] / wardForecast[w];
        minPerBurglary = Double.isNaN(minPerBurglary) ? ratio : Math.min(minPerBurglary, ratio);
        maxPerBurglary = Double.isNaN(maxPerBurglary) ? ratio : Math.max(maxPerBurglary, ratio);
      }
      double share = populationShareRatio(u, w, totalHours);
      if (!Double.isNaN(share)) {
        minShare = Double.isNaN(minShare) ? share : Math.min(minShare, share);
        maxShare = Double.isNaN(maxShare) ? share : Math.max(maxShare, share);
      }
    }
    fairness = PlanFairness.newBuilder()
        .setMinHoursPerForecastBurglary(zeroIfNaN(minPerBurglary))
        .setMaxHoursPerForecastBurglary(zeroIfNaN(maxPerBurglary))
        .setMinHoursToPopulationShare(zeroIfNaN(minShare))
        .setMaxHoursToPopulationShare(zeroIfNaN(maxShare))
        .setForecastShareAboveMinimum(forecast > 0 ? forecastAboveMin / forecast : 0)
        .setWardsAtFloor(atFloor)
        .build();
    this.totalHours = totalHours;
    this.universe = u;
  }

  PlanFairness fairness() {
    return fairness;
  }

  /** The ward's share of the plan's hours over its share of the population (NaN without people or hours). */
  double hoursToPopulationShare(int ward) {
    return populationShareRatio(universe, ward, totalHours);
  }

  private double populationShareRatio(AreaUniverse u, int w, double total) {
    if (u.wardPopulation(w) == 0 || u.totalPopulation() == 0 || total == 0) {
      return Double.NaN;
    }
    return (wardHours[w] / total) / ((double) u.wardPopulation(w) / u.totalPopulation());
  }

  private static double zeroIfNaN(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
