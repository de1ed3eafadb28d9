package uk.patrolcast.allocator.check;

import static uk.patrolcast.allocator.check.HourFormat.hours;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.model.PlanHours;
import uk.patrolcast.events.AllocationParameters;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.WardAllocation;
import uk.patrolcast.platform.config.Months;

/**
 * Checks a finished plan record against every constraint of the model, from the plan's own declared
 * parameters and the reference data, without using anything the solver computed: blocks, LSOA
 * bounds, budget, officer-hours, borough and ward caps, ward floors, smoothing, the ward sums, the
 * forecasts used and the objective. A plan with any violation is not published.
 */
public final class PlanVerifier {
  /** Hours: sums of a few thousand multiples of the block may drift this much in binary. */
  private static final double TOLERANCE = 1e-6;
  private static final int MAX_LISTED = 10;

  private PlanVerifier() {}

  /**
   * Every violated constraint (at most a few listed, then a count); empty when the plan holds.
   *
   * @param previous the plan smoothing compared with, or null
   */
  public static List<String> violations(AllocationPlan plan, AreaUniverse universe, ForecastSet forecasts, PlanHours previous) {
    List<String> out = new ArrayList<>();
    int[] overflow = new int[1];
    Sink sink = message -> {
      if (out.size() < MAX_LISTED) {
        out.add(message);
      } else {
        overflow[0]++;
      }
    };
    check(plan, universe, forecasts, previous, sink);
    if (overflow[0] > 0) {
      out.add("... and " + overflow[0] + " more");
    }
    return out;
  }

  private interface Sink {
    void add(String message);
  }

  private static void check(AllocationPlan plan, AreaUniverse universe, ForecastSet forecasts, PlanHours previous, Sink bad) {
    AllocationParameters s = plan.getParameters();
    List<String> months = plan.getMonths();
    int horizon = months.size();
    if (horizon != s.getHorizonMonths()) {
      bad.add("plan has " + horizon + " months but its horizon is " + s.getHorizonMonths());
    }
    YearMonth origin = Months.parse(plan.getOriginMonth());
    for (int m = 0; m < horizon; m++) {
      if (!months.get(m).equals(Months.format(origin.plusMonths(m + 1)))) {
        bad.add("month " + (m + 1) + " is " + months.get(m) + ", not " + Months.format(origin.plusMonths(m + 1)));
      }
    }
    Map<String, LsoaAllocation> byCode = new HashMap<>();
    for (LsoaAllocation a : plan.getLsoas()) {
      if (byCode.put(a.getLsoa21cd(), a) != null) {
        bad.add("LSOA " + a.getLsoa21cd() + " appears twice");
      }
    }
    if (byCode.size() != universe.size()) {
      bad.add("plan has " + byCode.size() + " LSOAs, the forecasts " + universe.size());
    }
    double meanArea = 0;
    long population = 0;
    for (Area a : universe.areas()) {
      meanArea += a.areaKm2() / universe.size();
      population += a.population();
    }
    double block = s.getBlockHours();
    double objective = 0;
    Map<String, Long> wardPopulation = new HashMap<>();
    for (Area a : universe.areas()) {
      wardPopulation.merge(a.wardCode(), (long) a.population(), Long::sum);
    }
    for (int m = 0; m < horizon; m++) {
      String month = months.get(m);
      int days = Months.parse(month).lengthOfMonth();
      double budget = s.getBudgetHoursPerDayPerLsoa() * universe.size() * days;
      double total = 0;
      Map<String, Double> ward = new HashMap<>();
      Map<String, Double> borough = new HashMap<>();
      for (Area a : universe.areas()) {
        LsoaAllocation alloc = byCode.get(a.lsoa21cd());
        if (alloc == null) {
          bad.add("LSOA " + a.lsoa21cd() + " has no hours");
          continue;
        }
        if (alloc.getHours().size() != horizon || alloc.getForecast().size() != horizon) {
          bad.add("LSOA " + a.lsoa21cd() + " has " + alloc.getHours().size() + " months of hours, not " + horizon);
          continue;
        }
        if (m == 0 && (!alloc.getWardCode().equals(a.wardCode()) || !alloc.getBoroughCode().equals(a.boroughCode()))) {
          bad.add("LSOA " + a.lsoa21cd() + " is filed under ward " + alloc.getWardCode() + ", not " + a.wardCode());
        }
        double x = alloc.getHours().get(m);
        if (!Double.isFinite(x)) {
          bad.add("LSOA " + a.lsoa21cd() + " in " + month + ": hours " + x);
          continue;
        }
        double blocks = x / block;
        if (Math.abs(blocks - Math.rint(blocks)) > 1e-9 * Math.max(1, blocks)) {
          bad.add(where(a, month) + ": " + x + " h is not a multiple of the block " + hours(block));
        }
        double min = s.getMinHoursPerDay() * days;
        double scale = Math.min(Math.max(a.areaKm2() / meanArea, 1), s.getMaxAreaScale());
        double max = s.getMaxHoursPerDay() * days * scale;
        if (x < min - TOLERANCE) {
          bad.add(where(a, month) + ": " + hours(x) + " below the minimum " + hours(min));
        }
        if (x > max + TOLERANCE) {
          bad.add(where(a, month) + ": " + hours(x) + " above the maximum " + hours(max));
        }
        if (s.getMaxChangeHours() != null && previous != null) {
          double before = previous.hours(month, a.lsoa21cd());
          if (!Double.isNaN(before) && Math.abs(x - before) > s.getMaxChangeHours() + TOLERANCE) {
            bad.add(where(a, month) + ": moved " + hours(Math.abs(x - before)) + " from the previous plan's " + hours(before)
                + ", more than the smoothing limit " + hours(s.getMaxChangeHours()));
          }
        }
        double r = forecasts.predicted(a.lsoa21cd(), m + 1);
        if (Double.compare(r, alloc.getForecast().get(m)) != 0) {
          bad.add(where(a, month) + ": forecast " + alloc.getForecast().get(m) + " is not the LSOA's own forecast " + r);
        }
        double roundedMax = Math.floor(max / block + 1e-9 * Math.max(1, max / block)) * block;
        objective += roundedMax > 0 ? r / Math.log1p(roundedMax) * Math.log1p(x) : 0;
        total += x;
        ward.merge(a.wardCode(), x, Double::sum);
        borough.merge(a.boroughCode(), x, Double::sum);
      }
      if (total > budget + TOLERANCE) {
        bad.add("budget " + hours(budget) + " in " + month + " exceeded: " + hours(total));
      }
      if (s.getOfficerHoursPerMonth() != null && s.getOfficersPerPatrol() * total > s.getOfficerHoursPerMonth() + TOLERANCE) {
        bad.add("officer-hours " + HourFormat.grouped(s.getOfficerHoursPerMonth()) + " in " + month + " exceeded: "
            + HourFormat.grouped(s.getOfficersPerPatrol() * total));
      }
      s.getBoroughCaps().forEach((code, cap) -> {
        double h = borough.getOrDefault(code, 0.0);
        if (h > cap + TOLERANCE) {
          bad.add("borough " + code + "'s cap " + hours(cap) + " in " + month + " exceeded: " + hours(h));
        }
      });
      s.getWardCaps().forEach((code, cap) -> {
        double h = ward.getOrDefault(code, 0.0);
        if (h > cap + TOLERANCE) {
          bad.add("ward " + code + "'s cap " + hours(cap) + " in " + month + " exceeded: " + hours(h));
        }
      });
      if (s.getWardFloorShare() > 0 && population > 0) {
        for (Map.Entry<String, Long> e : wardPopulation.entrySet()) {
          double floor = s.getWardFloorShare() * e.getValue() / population * budget;
          double h = ward.getOrDefault(e.getKey(), 0.0);
          if (h < floor - TOLERANCE) {
            bad.add("ward " + e.getKey() + "'s floor " + hours(floor) + " in " + month + " not met: " + hours(h));
          }
        }
      }
      checkWards(plan, m, ward, bad);
    }
    double tolerance = 1e-9 * Math.max(1, Math.abs(objective));
    if (Math.abs(objective - plan.getObjective()) > tolerance) {
      bad.add("objective " + plan.getObjective() + " differs from the plan's own value " + objective);
    }
    if (plan.getBestBound() < plan.getObjective() - tolerance) {
      bad.add("best bound " + plan.getBestBound() + " is below the objective " + plan.getObjective());
    }
  }

  private static String where(Area a, String month) {
    return "LSOA " + a.lsoa21cd() + " in " + month;
  }

  private static void checkWards(AllocationPlan plan, int m, Map<String, Double> lsoaSums, Sink bad) {
    if (plan.getWards().size() != lsoaSums.size()) {
      bad.add("plan lists " + plan.getWards().size() + " wards, its LSOAs lie in " + lsoaSums.size());
    }
    for (WardAllocation w : plan.getWards()) {
      double sum = lsoaSums.getOrDefault(w.getWardCode(), Double.NaN);
      double h = w.getHours().get(m);
      if (!(Math.abs(sum - h) <= TOLERANCE)) {
        bad.add("ward " + w.getWardCode() + " in " + plan.getMonths().get(m) + ": " + hours(h) + " is not the sum of its LSOAs "
            + hours(sum));
      }
    }
  }
}
