package uk.patrolcast.allocator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.solve.LpAllocationSolver;
import uk.patrolcast.platform.config.ServiceConfig;

/**
 * Settings of the allocate service: the shared ones, the allocation model's numbers (the defaults
 * of ARCHITECTURE.md) and the solver's.
 */
public final class AllocatorConfig extends ServiceConfig {
  public static final String MODE = "patrolcast.mode";
  public static final String BLOCK_HOURS = "allocator.block.hours";
  public static final String MIN_HOURS_PER_DAY = "allocator.min.hours.per.day";
  public static final String MAX_HOURS_PER_DAY = "allocator.max.hours.per.day";
  public static final String MAX_AREA_SCALE = "allocator.max.area.scale";
  public static final String BUDGET_HOURS_PER_DAY_PER_LSOA = "allocator.budget.hours.per.day.per.lsoa";
  public static final String OFFICERS_PER_PATROL = "allocator.officers.per.patrol";
  public static final String OFFICER_HOURS_PER_MONTH = "allocator.officer.hours.per.month";
  public static final String WARD_FLOOR_SHARE = "allocator.ward.floor.share";
  public static final String MAX_CHANGE_HOURS = "allocator.max.change.hours";
  public static final String BOROUGH_CAPS = "allocator.borough.caps";
  public static final String WARD_CAPS = "allocator.ward.caps";
  public static final String HORIZON_MONTHS = "allocator.horizon.months";
  public static final String SOLVER_THREADS = "allocator.solver.threads";
  public static final String SOLVER_WINDOW_MARGIN = "allocator.solver.window.margin";
  public static final String SOLVER_PRICE_BAND = "allocator.solver.price.band";
  public static final String SOLVER_MAX_ROUNDS = "allocator.solver.max.rounds";
  public static final String SOLVER_GAP_TOLERANCE = "allocator.solver.gap.tolerance";
  public static final String ORIGINS_KEPT = "allocator.forecast.origins.kept";

  public static final ConfigDef DEFINITION = ServiceConfig.base()
      .define(MODE, Type.STRING, "up", ConfigDef.ValidString.in("run", "up"), Importance.LOW,
          "run: a failed current plan stops the service (the run fails with the reason); up: it is logged and the service goes on.")
      .define(BLOCK_HOURS, Type.DOUBLE, 0.5, Range.atLeast(0.01), Importance.HIGH,
          "Hours are allocated in multiples of this block (hours).")
      .define(MIN_HOURS_PER_DAY, Type.DOUBLE, 1.0, Range.atLeast(0), Importance.HIGH,
          "Minimum patrol hours per LSOA per day; the monthly minimum is this x days in the month.")
      .define(MAX_HOURS_PER_DAY, Type.DOUBLE, 2.6, Range.atLeast(0), Importance.HIGH,
          "Maximum patrol hours per LSOA per day before area scaling.")
      .define(MAX_AREA_SCALE, Type.DOUBLE, 2.0, Range.atLeast(1), Importance.MEDIUM,
          "The maximum is multiplied by clip(area / mean area, 1, this).")
      .define(BUDGET_HOURS_PER_DAY_PER_LSOA, Type.DOUBLE, 1.8, Range.atLeast(0), Importance.HIGH,
          "London-wide budget: this x LSOAs x days patrol hours per month.")
      .define(OFFICERS_PER_PATROL, Type.INT, 2, Range.atLeast(1), Importance.MEDIUM,
          "Officers per patrol (2: duo patrols); officer-hours = this x patrol hours.")
      .define(OFFICER_HOURS_PER_MONTH, Type.DOUBLE, null, Importance.MEDIUM,
          "Officer-hours available per month London-wide; empty when not limiting.")
      .define(WARD_FLOOR_SHARE, Type.DOUBLE, 0.5, Range.atLeast(0), Importance.HIGH,
          "Each ward gets at least this share of its population-proportional share of the month's budget (0 disables).")
      .define(MAX_CHANGE_HOURS, Type.DOUBLE, null, Importance.MEDIUM,
          "Smoothing: the most an LSOA-month may differ from the previous plan (hours); empty disables.")
      .define(BOROUGH_CAPS, Type.STRING, "", Importance.LOW,
          "Monthly hour caps per borough: CODE=HOURS[,CODE=HOURS...].")
      .define(WARD_CAPS, Type.STRING, "", Importance.LOW,
          "Monthly hour caps per ward: CODE=HOURS[,CODE=HOURS...].")
      .define(HORIZON_MONTHS, Type.INT, 6, Range.between(1, AllocationSettings.MAX_HORIZON), Importance.MEDIUM,
          "Months planned after the forecast origin.")
      .define(SOLVER_THREADS, Type.INT, 2, Range.atLeast(1), Importance.LOW,
          "Months solved at once (each LP is single-threaded).")
      .define(SOLVER_WINDOW_MARGIN, Type.INT, 1, Range.atLeast(0), Importance.LOW,
          "Blocks kept as LP columns on each side of an LSOA's estimated marginal block.")
      .define(SOLVER_PRICE_BAND, Type.DOUBLE, 0.01, Range.between(0, 1), Importance.LOW,
          "Blocks whose marginal gain lies within this relative band of the estimated price are LP columns too.")
      .define(SOLVER_MAX_ROUNDS, Type.INT, 20, Range.atLeast(1), Importance.LOW,
          "Column-generation rounds before the full delta model is solved instead.")
      .define(SOLVER_GAP_TOLERANCE, Type.DOUBLE, 1e-9, Range.between(0, 1e-3), Importance.LOW,
          "Relative gap between the objective and the proven bound at which a plan counts as optimal.")
      .define(ORIGINS_KEPT, Type.INT, 24, Range.atLeast(1), Importance.LOW,
          "Forecast origins kept in memory for what-if requests (the latest ones).");

  public AllocatorConfig(Map<?, ?> values) {
    super(DEFINITION, values);
  }

  /** run or up. */
  public String mode() {
    return getString(MODE);
  }

  /** The model's numbers. */
  public AllocationSettings settings() {
    return new AllocationSettings(
        getDouble(BLOCK_HOURS),
        getDouble(MIN_HOURS_PER_DAY),
        getDouble(MAX_HOURS_PER_DAY),
        getDouble(MAX_AREA_SCALE),
        getDouble(BUDGET_HOURS_PER_DAY_PER_LSOA),
        getInt(OFFICERS_PER_PATROL),
        getDouble(OFFICER_HOURS_PER_MONTH),
        getDouble(WARD_FLOOR_SHARE),
        getDouble(MAX_CHANGE_HOURS),
        caps(BOROUGH_CAPS),
        caps(WARD_CAPS),
        getInt(HORIZON_MONTHS));
  }

  public LpAllocationSolver.Options solverOptions() {
    return new LpAllocationSolver.Options(getInt(SOLVER_WINDOW_MARGIN), getDouble(SOLVER_PRICE_BAND), getInt(SOLVER_MAX_ROUNDS), getDouble(SOLVER_GAP_TOLERANCE));
  }

  public int solverThreads() {
    return getInt(SOLVER_THREADS);
  }

  public int originsKept() {
    return getInt(ORIGINS_KEPT);
  }

  private Map<String, Double> caps(String key) {
    Map<String, Double> out = new LinkedHashMap<>();
    String text = getString(key);
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String pair : text.split(",")) {
      String[] kv = pair.trim().split("=");
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new ConfigException(key, text, "expected CODE=HOURS[,CODE=HOURS...], got '" + pair.trim() + "'");
      }
      try {
        out.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new ConfigException(key, text, "'" + kv[1].trim() + "' is not a number of hours");
      }
    }
    return out;
  }
}
