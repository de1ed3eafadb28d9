package uk.patrolcast.console.web;

import static uk.patrolcast.console.web.Table.number;
import static uk.patrolcast.console.web.Table.text;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.console.view.AreaIndex;
import uk.patrolcast.console.view.AreaProfile;
import uk.patrolcast.console.view.AreaValues;
import uk.patrolcast.console.view.Band;
import uk.patrolcast.console.view.ConsoleState;
import uk.patrolcast.console.view.ForecastStore;
import uk.patrolcast.console.view.PlanSnapshot;
import uk.patrolcast.console.view.RecentFeatures;
import uk.patrolcast.console.view.RejectedLog;
import uk.patrolcast.events.MethodMetrics;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.platform.config.Months;

/**
 * The tables of the Resources page, built from the console's views when asked (inside the state's
 * lock): forecasts per LSOA and ward, the current plan, features, evaluations, rejected records,
 * risk scores and closed months. Column names follow the {@code patrolcast run} output files.
 */
public final class ResourceTables {
  /** Names and what each table holds, for the page's menu. */
  public static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("forecasts", "LSOA forecasts of an origin month, one row per LSOA and horizon (param: origin)");
    TABLES.put("forecasts_ward", "Ward forecasts of an origin month, one row per ward and horizon (param: origin)");
    TABLES.put("allocations", "The current plan: hours per LSOA and month with forecast and bounds");
    TABLES.put("allocations_ward", "The current plan per ward: hours, forecast, fairness floor, share of hours to share of population");
    TABLES.put("features", "Feature rows of one month (param: month; the latest months are kept)");
    TABLES.put("evaluations", "Model and baseline metrics per evaluation window and horizon");
    TABLES.put("rejected", "The most recent rejected records with their reason");
    TABLES.put("risk_scores", "Static risk score per LSOA");
    TABLES.put("months", "Closed months: records, rejections and checksum per month");
  }

  private ResourceTables() {}

  /** Builds a table; {@code param} is the origin or month where the table takes one (null = latest). */
  public static Table build(ConsoleState s, String name, String param) {
    return switch (name) {
      case "forecasts" -> forecasts(s, false, param);
      case "forecasts_ward" -> forecasts(s, true, param);
      case "allocations" -> allocations(s);
      case "allocations_ward" -> allocationsByWard(s);
      case "features" -> features(s, param);
      case "evaluations" -> evaluations(s);
      case "rejected" -> rejected(s);
      case "risk_scores" -> risk(s);
      case "months" -> months(s);
      default -> throw new IllegalArgumentException("No table '" + name + "'; tables: " + TABLES.keySet());
    };
  }

  /** The choices of the table's parameter (origins or months), newest last. */
  public static List<String> params(ConsoleState s, String name) {
    return switch (name) {
      case "forecasts" -> s.lsoaForecasts().origins().stream().filter(o -> s.lsoaForecasts().horizons(o) != null).toList();
      case "forecasts_ward" -> s.wardForecasts().origins().stream().filter(o -> s.wardForecasts().horizons(o) != null).toList();
      case "features" -> s.features().months();
      default -> List.of();
    };
  }

  private static Table forecasts(ConsoleState s, boolean wards, String origin) {
    ForecastStore store = wards ? s.wardForecasts() : s.lsoaForecasts();
    AreaIndex index = wards ? s.wards() : s.lsoas();
    String o = origin == null || origin.isBlank() ? store.latestOrigin() : origin;
    List<Table.Column> cols = new ArrayList<>(List.of(text("origin_month"), text("target_month"), number("horizon"),
        text(wards ? "ward_code" : "lsoa21cd"), text(wards ? "ward_name" : "lsoa_name")));
    if (!wards) {
      cols.add(text("ward_code"));
    }
    cols.addAll(List.of(text("borough"), number("predicted"), number("lower80"), number("upper80"), text("model_version")));
    List<Object[]> rows = new ArrayList<>();
    Band[] bands = o == null ? null : store.horizons(o);
    if (bands != null) {
      YearMonth start = Months.parse(o);
      String model = store.modelVersion(o);
      int[] wardOf = s.wardOf();
      for (int a = 0; a < index.size(); a++) {
        for (int h = 0; h < bands.length; h++) {
          if (!bands[h].predicted().known(a)) {
            continue;
          }
          List<Object> row = new ArrayList<>(12);
          row.add(o);
          row.add(Months.format(start.plusMonths(h + 1)));
          row.add(h + 1);
          row.add(index.code(a));
          if (wards) {
            row.add(s.wardName(a));
            row.add(boroughName(s, s.wardBorough(a)));
          } else {
            AreaProfile p = s.profile(a);
            row.add(p == null ? null : p.name());
            row.add(a < wardOf.length && wardOf[a] >= 0 ? s.wards().code(wardOf[a]) : null);
            row.add(p == null ? null : p.boroughName());
          }
          row.add(round(bands[h].predicted().get(a)));
          row.add(round(bands[h].lower().get(a)));
          row.add(round(bands[h].upper().get(a)));
          row.add(model);
          rows.add(row.toArray());
        }
      }
    }
    return new Table(wards ? "forecasts_ward" : "forecasts", cols, rows);
  }

  private static Table allocations(ConsoleState s) {
    List<Table.Column> cols = List.of(text("plan_id"), text("origin_month"), text("month"), text("lsoa21cd"),
        text("lsoa_name"), text("ward_code"), text("borough"), number("hours"), number("forecast"), number("min_hours"),
        number("max_hours"));
    List<Object[]> rows = new ArrayList<>();
    PlanSnapshot plan = s.currentPlan();
    if (plan != null) {
      int[] wardOf = s.wardOf();
      for (int a = 0; a < s.lsoas().size(); a++) {
        AreaProfile p = s.profile(a);
        for (int m = 0; m < plan.months().size(); m++) {
          if (!plan.hours(m).known(a)) {
            continue;
          }
          rows.add(new Object[] {plan.planId(), plan.originMonth(), plan.months().get(m), s.lsoas().code(a),
              p == null ? null : p.name(), a < wardOf.length && wardOf[a] >= 0 ? s.wards().code(wardOf[a]) : null,
              p == null ? plan.boroughOf(a) : p.boroughName(), round(plan.hours(m).get(a)), round(plan.forecast(m).get(a)),
              round(plan.minHours(m).get(a)), round(plan.maxHours(m).get(a))});
        }
      }
    }
    return new Table("allocations", cols, rows);
  }

  private static Table allocationsByWard(ConsoleState s) {
    List<Table.Column> cols = List.of(text("plan_id"), text("month"), text("ward_code"), text("ward_name"),
        text("borough"), number("population"), number("hours"), number("forecast"), number("floor_hours"),
        number("hours_to_population_share"));
    List<Object[]> rows = new ArrayList<>();
    PlanSnapshot plan = s.currentPlan();
    if (plan != null) {
      for (PlanSnapshot.WardRow w : plan.wards()) {
        for (int m = 0; m < plan.months().size() && m < w.hours().length; m++) {
          rows.add(new Object[] {plan.planId(), plan.months().get(m), w.wardCode(), w.wardName(),
              boroughName(s, w.boroughCode()), w.population(), round(w.hours()[m]),
              m < w.forecast().length ? round(w.forecast()[m]) : null,
              m < w.floorHours().length ? round(w.floorHours()[m]) : null, round(w.hoursToPopulationShare())});
        }
      }
    }
    return new Table("allocations_ward", cols, rows);
  }

  private static Table features(ConsoleState s, String month) {
    List<String> months = s.features().months();
    String m = month == null || month.isBlank() ? (months.isEmpty() ? null : months.get(months.size() - 1)) : month;
    List<Table.Column> cols = new ArrayList<>(List.of(text("month"), text("lsoa21cd"), text("borough")));
    RecentFeatures.COLUMNS.forEach(c -> cols.add(number(c)));
    List<Object[]> rows = new ArrayList<>();
    AreaValues[] columns = m == null ? null : s.features().month(m);
    if (m != null && columns == null && !months.isEmpty()) {
      throw new IllegalArgumentException("Features of " + m + " are not kept; months kept: " + months);
    }
    if (columns != null) {
      for (int a = 0; a < s.lsoas().size(); a++) {
        if (!columns[0].known(a) && !columns[columns.length - 1].known(a)) {
          continue;
        }
        Object[] row = new Object[cols.size()];
        AreaProfile p = s.profile(a);
        row[0] = m;
        row[1] = s.lsoas().code(a);
        row[2] = p == null ? null : p.boroughName();
        for (int c = 0; c < columns.length; c++) {
          row[3 + c] = round4(columns[c].get(a));
        }
        rows.add(row);
      }
    }
    return new Table("features", cols, rows);
  }

  private static Table evaluations(ConsoleState s) {
    List<Table.Column> cols = List.of(text("model_version"), text("kind"), text("role"), text("window_from"),
        text("window_to"), text("method"), number("horizon"), number("n"), number("mae"), number("rmse"), number("r2"),
        number("poisson_deviance"), number("bias"), number("hit_rate_1"), number("pai_1"), number("hit_rate_5"),
        number("pai_5"), number("coverage80"));
    List<Object[]> rows = new ArrayList<>();
    for (ModelEvaluation e : s.evaluations()) {
      for (MethodMetrics m : e.getMetrics()) {
        rows.add(new Object[] {e.getModelVersion(), e.getKind().name(), e.getRole().name(), e.getWindowFrom(),
            e.getWindowTo(), m.getMethod(), m.getHorizon(), m.getN(), round4(m.getMae()), round4(m.getRmse()),
            round4(m.getR2()), round4(m.getPoissonDeviance()), round4(m.getBias()), round4(m.getHitRate1()),
            round4(m.getPai1()), round4(m.getHitRate5()), round4(m.getPai5()),
            m.getCoverage80() == null ? null : round4(m.getCoverage80())});
      }
    }
    return new Table("evaluations", cols, rows);
  }

  private static Table rejected(ConsoleState s) {
    List<Table.Column> cols = List.of(text("rejected_at"), text("source"), number("line"), text("reason"),
        text("message"), text("month"), text("force"), text("crime_id"), text("raw"));
    List<Object[]> rows = new ArrayList<>();
    for (RejectedLog.Row r : s.rejected().recent()) {
      rows.add(new Object[] {r.rejectedAt(), r.source(), r.line(), r.reason(), r.message(), r.month(),
          r.force(), r.crimeId(), r.raw()});
    }
    return new Table("rejected", cols, rows);
  }

  private static Table risk(ConsoleState s) {
    List<Table.Column> cols = List.of(text("lsoa21cd"), text("lsoa_name"), text("borough"), number("log_risk_score"),
        number("exp_risk_score"), number("observed_rate"), text("model_version"));
    List<Object[]> rows = new ArrayList<>();
    for (int a = 0; a < s.lsoas().size(); a++) {
      if (!s.logRisk().known(a)) {
        continue;
      }
      AreaProfile p = s.profile(a);
      rows.add(new Object[] {s.lsoas().code(a), p == null ? null : p.name(), p == null ? null : p.boroughName(),
          round4(s.logRisk().get(a)), round4(s.expRisk().get(a)), round4(s.observedRate().get(a)), s.riskModelVersion()});
    }
    return new Table("risk_scores", cols, rows);
  }

  private static Table months(ConsoleState s) {
    List<Table.Column> cols = List.of(text("month"), number("revision"), number("records"), number("rejected"),
        number("sources"), number("lsoa_count"), text("checksum"), text("closed_at"));
    List<Object[]> rows = new ArrayList<>();
    for (Map<String, Object> m : s.watermarks().closedMonths()) {
      rows.add(new Object[] {m.get("month"), m.get("revision"), m.get("records"), m.get("rejected"), m.get("sources"),
          m.get("lsoaCount"), m.get("checksum"), m.get("closedAt")});
    }
    return new Table("months", cols, rows);
  }

  private static String boroughName(ConsoleState s, String code) {
    return code == null ? null : s.boroughNames().getOrDefault(code, code);
  }

  static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
  }

  static Double round4(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
  }
}
