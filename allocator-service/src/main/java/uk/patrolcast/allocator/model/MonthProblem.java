package uk.patrolcast.allocator.model;

import java.time.YearMonth;
import java.util.Arrays;
import uk.patrolcast.platform.config.Months;

/**
 * The allocation model of one month, in blocks: LSOA i gets x_i = block x n_i hours with
 * lo_i &lt;= n_i &lt;= hi_i, maximising sum w_i ln(1 + x_i) (w_i = r_i alpha_i) subject to ward floors
 * and caps, borough caps and the London-wide cap (the budget and the officer-hours, whichever is
 * tighter). Months are independent: no constraint links them.
 *
 * <p>Every right-hand side is rounded to whole blocks, inward (minimums, floors up; maximums, caps,
 * budget down). Because every x_i is a multiple of the block, a sum of them meets a bound exactly
 * when it meets the bound rounded that way: the rounding changes nothing about which plans are
 * allowed, and it keeps the constraint data integral (the LP's vertices are then integral).
 */
public final class MonthProblem {
  /** No cap. */
  public static final long NO_CAP = Long.MAX_VALUE / 4;

  private final String month;
  private final int days;
  private final double blockHours;
  private final AreaUniverse universe;
  private final double[] forecast;
  private final double[] weight;
  private final double[] policyMinHours;
  private final double[] policyMaxHours;
  private final double[] previousHours;
  private final int[] lo;
  private final int[] hi;
  private final double[] wardFloorHours;
  private final long[] wardFloor;
  private final long[] wardCap;
  private final long[] boroughCap;
  private final double budgetHours;
  private final Double officerHours;
  private final int officersPerPatrol;
  private final Double maxChangeHours;
  private final long totalCap;

  private MonthProblem(Builder b) {
    month = b.month;
    days = b.days;
    blockHours = b.blockHours;
    universe = b.universe;
    forecast = b.forecast;
    weight = b.weight;
    policyMinHours = b.policyMinHours;
    policyMaxHours = b.policyMaxHours;
    previousHours = b.previousHours;
    lo = b.lo;
    hi = b.hi;
    wardFloorHours = b.wardFloorHours;
    wardFloor = b.wardFloor;
    wardCap = b.wardCap;
    boroughCap = b.boroughCap;
    budgetHours = b.budgetHours;
    officerHours = b.officerHours;
    officersPerPatrol = b.officersPerPatrol;
    maxChangeHours = b.maxChangeHours;
    long cap = floorBlocks(budgetHours, blockHours);
    if (officerHours != null) {
      cap = Math.min(cap, floorBlocks(officerHours / officersPerPatrol, blockHours));
    }
    totalCap = cap;
  }

  /**
   * The model of month {@code monthIndex} (0 = the month after the origin).
   *
   * @param forecasts r per LSOA of the universe and horizon
   * @param previous the previous plan's hours for smoothing, or null
   * @throws IllegalArgumentException when a forecast is missing, negative or not a number
   */
  public static MonthProblem of(
      AreaUniverse universe, AllocationSettings s, ForecastSet forecasts, int monthIndex, PlanHours previous) {
    YearMonth target = Months.parse(forecasts.originMonth()).plusMonths(monthIndex + 1);
    Builder b = new Builder();
    b.month = Months.format(target);
    b.days = target.lengthOfMonth();
    b.blockHours = s.blockHours();
    b.universe = universe;
    int n = universe.size();
    b.forecast = new double[n];
    b.weight = new double[n];
    b.policyMinHours = new double[n];
    b.policyMaxHours = new double[n];
    b.previousHours = new double[n];
    b.lo = new int[n];
    b.hi = new int[n];
    b.maxChangeHours = s.maxChangeHours();
    boolean smoothing = s.maxChangeHours() != null && previous != null && previous.covers(b.month);
    for (int i = 0; i < n; i++) {
      Area a = universe.area(i);
      double r = forecasts.predicted(a.lsoa21cd(), monthIndex + 1);
      if (!Double.isFinite(r) || r < 0) {
        throw new IllegalArgumentException("forecast of LSOA " + a.lsoa21cd() + " for " + b.month + " is "
            + (Double.isNaN(r) ? "missing" : Double.toString(r)) + "; a non-negative number is needed");
      }
      double scale = Math.min(Math.max(a.areaKm2() / universe.meanAreaKm2(), 1.0), s.maxAreaScale());
      b.policyMinHours[i] = s.minHoursPerDay() * b.days;
      b.policyMaxHours[i] = s.maxHoursPerDay() * b.days * scale;
      double low = b.policyMinHours[i];
      double high = b.policyMaxHours[i];
      b.previousHours[i] = smoothing ? previous.hours(b.month, a.lsoa21cd()) : Double.NaN;
      if (!Double.isNaN(b.previousHours[i])) {
        low = Math.max(low, b.previousHours[i] - s.maxChangeHours());
        high = Math.min(high, b.previousHours[i] + s.maxChangeHours());
      }
      b.lo[i] = (int) ceilBlocks(low, s.blockHours());
      b.hi[i] = (int) floorBlocks(high, s.blockHours());
      b.forecast[i] = r;
      // alpha_i = 1 / ln(1 + max_i): the LSOA's own maximum (block-rounded) this month.
      double maxHours = Math.max(floorBlocks(b.policyMaxHours[i], s.blockHours()) * s.blockHours(), 0);
      b.weight[i] = maxHours > 0 ? r / Math.log(1 + maxHours) : 0;
    }
    b.budgetHours = s.budgetHoursPerDayPerLsoa() * n * b.days;
    b.officerHours = s.officerHoursPerMonth();
    b.officersPerPatrol = s.officersPerPatrol();
    int wards = universe.wards();
    b.wardFloorHours = new double[wards];
    b.wardFloor = new long[wards];
    b.wardCap = new long[wards];
    Arrays.fill(b.wardCap, NO_CAP);
    for (int w = 0; w < wards; w++) {
      if (s.wardFloorShare() > 0 && universe.totalPopulation() > 0) {
        b.wardFloorHours[w] = s.wardFloorShare() * universe.wardPopulation(w) / universe.totalPopulation() * b.budgetHours;
        b.wardFloor[w] = ceilBlocks(b.wardFloorHours[w], s.blockHours());
      }
      Double cap = s.wardCaps().get(universe.wardCode(w));
      if (cap != null) {
        b.wardCap[w] = floorBlocks(cap, s.blockHours());
      }
    }
    b.boroughCap = new long[universe.boroughs()];
    Arrays.fill(b.boroughCap, NO_CAP);
    for (int g = 0; g < universe.boroughs(); g++) {
      Double cap = s.boroughCaps().get(universe.boroughCode(g));
      if (cap != null) {
        b.boroughCap[g] = floorBlocks(cap, s.blockHours());
      }
    }
    return new MonthProblem(b);
  }

  /** Whole blocks in {@code hours}, rounded down (with a relative tolerance for binary fractions). */
  public static long floorBlocks(double hours, double block) {
    double q = hours / block;
    return (long) Math.floor(q + 1e-9 * Math.max(1, Math.abs(q)));
  }

  /** Whole blocks needed to reach {@code hours}, rounded up. */
  public static long ceilBlocks(double hours, double block) {
    double q = hours / block;
    return (long) Math.ceil(q - 1e-9 * Math.max(1, Math.abs(q)));
  }

  /** The month, YYYY-MM. */
  public String month() {
    return month;
  }

  public int days() {
    return days;
  }

  public double blockHours() {
    return blockHours;
  }

  public AreaUniverse universe() {
    return universe;
  }

  public int size() {
    return lo.length;
  }

  /** r_i: the LSOA's own forecast for this month. */
  public double forecast(int i) {
    return forecast[i];
  }

  /** w_i = r_i alpha_i, the objective's weight of ln(1 + x_i). */
  public double weight(int i) {
    return weight[i];
  }

  /** The policy minimum (min hours per day x days), before block rounding and smoothing. */
  public double policyMinHours(int i) {
    return policyMinHours[i];
  }

  /** The policy maximum (max hours per day x days x area scale), before block rounding and smoothing. */
  public double policyMaxHours(int i) {
    return policyMaxHours[i];
  }

  /** The previous plan's hours when smoothing applies to this LSOA-month, else NaN. */
  public double previousHours(int i) {
    return previousHours[i];
  }

  public Double maxChangeHours() {
    return maxChangeHours;
  }

  /** Lower bound in blocks (policy minimum and smoothing, rounded up). */
  public int lo(int i) {
    return lo[i];
  }

  /** Upper bound in blocks (policy maximum and smoothing, rounded down). */
  public int hi(int i) {
    return hi[i];
  }

  public int wardOf(int i) {
    return universe.wardOf(i);
  }

  public int boroughOfWard(int w) {
    return universe.boroughOfWard(w);
  }

  public int wards() {
    return wardFloor.length;
  }

  public int boroughs() {
    return boroughCap.length;
  }

  /** The ward's fairness floor in hours as the share gives it (0 when disabled). */
  public double wardFloorHours(int w) {
    return wardFloorHours[w];
  }

  /** The ward's fairness floor in blocks (0 when disabled). */
  public long wardFloor(int w) {
    return wardFloor[w];
  }

  /** The ward's cap in blocks, or {@link #NO_CAP}. */
  public long wardCap(int w) {
    return wardCap[w];
  }

  /** The borough's cap in blocks, or {@link #NO_CAP}. */
  public long boroughCap(int b) {
    return boroughCap[b];
  }

  /** The London-wide budget in hours: budget hours per day per LSOA x LSOAs x days. */
  public double budgetHours() {
    return budgetHours;
  }

  /** Officer-hours available, or null. */
  public Double officerHours() {
    return officerHours;
  }

  public int officersPerPatrol() {
    return officersPerPatrol;
  }

  /** The London-wide cap in blocks: the budget, or the officer-hours' patrol hours if fewer. */
  public long totalCap() {
    return totalCap;
  }

  /** Objective value of a plan given in blocks: sum w_i ln(1 + block n_i). */
  public double objective(int[] blocks) {
    double sum = 0;
    for (int i = 0; i < blocks.length; i++) {
      sum += weight[i] * Math.log(1 + blockHours * blocks[i]);
    }
    return sum;
  }

  private static final class Builder {
    String month;
    int days;
    double blockHours;
    AreaUniverse universe;
    double[] forecast;
    double[] weight;
    double[] policyMinHours;
    double[] policyMaxHours;
    double[] previousHours;
    int[] lo;
    int[] hi;
    double[] wardFloorHours;
    long[] wardFloor;
    long[] wardCap;
    long[] boroughCap;
    double budgetHours;
    Double officerHours;
    int officersPerPatrol;
    Double maxChangeHours;
  }
}
