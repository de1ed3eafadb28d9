package uk.patrolcast.allocator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import uk.patrolcast.events.AllocationParameters;

/**
 * Every number of the allocation model. The defaults come from {@code AllocatorConfig}; a what-if
 * request overrides some of them.
 *
 * @param blockHours hours are allocated in multiples of this block
 * @param minHoursPerDay per-LSOA minimum, hours per day
 * @param maxHoursPerDay per-LSOA maximum before area scaling, hours per day
 * @param maxAreaScale the maximum is scaled by clip(area / mean area, 1, maxAreaScale)
 * @param budgetHoursPerDayPerLsoa London-wide budget per month = this x LSOAs x days in the month
 * @param officersPerPatrol officer-hours = officersPerPatrol x patrol hours
 * @param officerHoursPerMonth officer-hours available per month, or null when not limiting
 * @param wardFloorShare each ward gets at least this share of its population share of the budget
 * @param maxChangeHours smoothing: most an LSOA-month may move from the previous plan, or null
 * @param boroughCaps monthly hour cap per borough code
 * @param wardCaps monthly hour cap per ward code
 * @param horizonMonths months planned after the origin
 */
public record AllocationSettings(
    double blockHours,
    double minHoursPerDay,
    double maxHoursPerDay,
    double maxAreaScale,
    double budgetHoursPerDayPerLsoa,
    int officersPerPatrol,
    Double officerHoursPerMonth,
    double wardFloorShare,
    Double maxChangeHours,
    Map<String, Double> boroughCaps,
    Map<String, Double> wardCaps,
    int horizonMonths) {

  /** The longest horizon a forecast carries. */
  public static final int MAX_HORIZON = 12;

  public AllocationSettings {
    boroughCaps = boroughCaps == null ? Map.of() : new TreeMap<>(boroughCaps);
    wardCaps = wardCaps == null ? Map.of() : new TreeMap<>(wardCaps);
  }

  /** The model of ARCHITECTURE.md with every default. */
  public static AllocationSettings defaults() {
    return new AllocationSettings(0.5, 1.0, 2.6, 2.0, 1.8, 2, null, 0.5, null, Map.of(), Map.of(), 6);
  }

  /**
   * What is wrong with the numbers themselves (before any data is looked at), one message per
   * problem; empty when they are usable. Caps that name unknown codes are checked against the areas
   * in {@link #unknownCodes(AreaUniverse)}.
   */
  public List<String> invalidReasons() {
    List<String> out = new ArrayList<>();
    positive(out, "block size", blockHours);
    nonNegative(out, "minimum hours per day", minHoursPerDay);
    nonNegative(out, "maximum hours per day", maxHoursPerDay);
    if (!Double.isFinite(maxAreaScale) || maxAreaScale < 1) {
      out.add(String.format(Locale.ROOT, "maximum area scale %s must be at least 1", fmt(maxAreaScale)));
    }
    nonNegative(out, "budget hours per day per LSOA", budgetHoursPerDayPerLsoa);
    if (officersPerPatrol < 1) {
      out.add("officers per patrol " + officersPerPatrol + " must be at least 1");
    }
    if (officerHoursPerMonth != null) {
      nonNegative(out, "officer-hours per month", officerHoursPerMonth);
    }
    nonNegative(out, "ward floor share", wardFloorShare);
    if (maxChangeHours != null) {
      nonNegative(out, "smoothing limit (max change hours)", maxChangeHours);
    }
    boroughCaps.forEach((code, cap) -> nonNegative(out, "cap of borough " + code, cap));
    wardCaps.forEach((code, cap) -> nonNegative(out, "cap of ward " + code, cap));
    if (horizonMonths < 1 || horizonMonths > MAX_HORIZON) {
      out.add("horizon of " + horizonMonths + " months is outside 1.." + MAX_HORIZON + " (forecasts carry 12 months)");
    }
    return out;
  }

  /** Caps naming a ward or borough that the areas do not have. */
  public List<String> unknownCodes(AreaUniverse universe) {
    List<String> out = new ArrayList<>();
    boroughCaps.keySet().stream().filter(c -> universe.boroughIndex(c) < 0)
        .forEach(c -> out.add("borough cap for unknown borough code " + c));
    wardCaps.keySet().stream().filter(c -> universe.wardIndex(c) < 0)
        .forEach(c -> out.add("ward cap for unknown ward code " + c));
    return out;
  }

  /** The settings as the plan records them. */
  public AllocationParameters toParameters() {
    return AllocationParameters.newBuilder()
        .setBlockHours(blockHours)
        .setMinHoursPerDay(minHoursPerDay)
        .setMaxHoursPerDay(maxHoursPerDay)
        .setMaxAreaScale(maxAreaScale)
        .setBudgetHoursPerDayPerLsoa(budgetHoursPerDayPerLsoa)
        .setOfficersPerPatrol(officersPerPatrol)
        .setOfficerHoursPerMonth(officerHoursPerMonth)
        .setWardFloorShare(wardFloorShare)
        .setMaxChangeHours(maxChangeHours)
        .setBoroughCaps(new TreeMap<>(boroughCaps))
        .setWardCaps(new TreeMap<>(wardCaps))
        .setHorizonMonths(horizonMonths)
        .build();
  }

  private static void positive(List<String> out, String what, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      out.add((value < 0 ? "negative " : "") + what + " " + fmt(value) + (value < 0 ? "" : " must be positive"));
    }
  }

  private static void nonNegative(List<String> out, String what, double value) {
    if (!Double.isFinite(value)) {
      out.add(what + " " + fmt(value) + " is not a number");
    } else if (value < 0) {
      out.add("negative " + what + " " + fmt(value));
    }
  }

  static String fmt(double v) {
    return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
