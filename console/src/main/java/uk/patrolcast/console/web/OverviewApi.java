package uk.patrolcast.console.web;

import static uk.patrolcast.console.web.Compression.gzip;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import uk.patrolcast.console.view.AreaProfile;
import uk.patrolcast.console.view.AreaValues;
import uk.patrolcast.console.view.Band;
import uk.patrolcast.console.view.ConsoleState;
import uk.patrolcast.console.view.ForecastStore;
import uk.patrolcast.console.view.MonthlyCounts;
import uk.patrolcast.console.view.PlanSnapshot;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.HttpError;
import uk.patrolcast.platform.http.HttpApi.Request;
import uk.patrolcast.platform.http.HttpApi.Response;

/**
 * The Overview page's data: the areas and their boundaries, actual against predicted per area for a
 * month (LSOA or ward), the London total over time with forecasts, and one LSOA's details.
 */
public final class OverviewApi {
  private final ConsoleState state;
  private final Supplier<Map<String, BoundaryShapes>> shapes;

  public OverviewApi(ConsoleState state, Supplier<Map<String, BoundaryShapes>> shapes) {
    this.state = state;
    this.shapes = shapes;
  }

  public void register(HttpApi http) {
    http.get("/api/areas", gzip(r -> Response.json(state.read(this::areas))));
    http.get("/api/geometry/{level}", this::geometry);
    http.get("/api/map/{level}/{month}", gzip(r -> Response.json(state.read(s -> map(s, level(r), month(r.param("month")))))));
    http.get("/api/timeline", gzip(r -> Response.json(state.read(OverviewApi::timeline))));
    http.get("/api/lsoa/{code}", gzip(r -> Response.json(state.read(s -> lsoa(s, r.param("code"))))));
  }

  /** The area order of every per-area array; names travel with the boundaries, not here. */
  private Map<String, Object> areas(ConsoleState s) {
    Map<String, Object> out = new LinkedHashMap<>();
    int[] wardOf = s.wardOf();
    List<Integer> ward = new ArrayList<>(wardOf.length);
    for (int w : wardOf) {
      ward.add(w < 0 ? null : w);
    }
    out.put("lsoa", Map.of("codes", s.lsoas().codes(), "ward", ward));
    int wn = s.wards().size();
    List<String> wardNames = new ArrayList<>(wn);
    for (int w = 0; w < wn; w++) {
      wardNames.add(s.wardName(w));
    }
    out.put("ward", Map.of("codes", s.wards().codes(), "names", wardNames));
    out.put("profiles", s.profileCount());
    return out;
  }

  private Response geometry(Request r) {
    String level = r.param("level");
    BoundaryShapes b = shapes.get().get(level);
    if (b == null) {
      throw new HttpError(404, 40401, "No " + level + " boundaries: they load from the data directory ("
          + "data.dir) and may still be loading; levels: lsoa, ward, borough");
    }
    byte[] body = b.gzipped();
    if (Compression.accepts(r)) {
      return new Response(200, "application/json", body, Map.of("Content-Encoding", "gzip", "Vary", "Accept-Encoding",
          "Cache-Control", "max-age=3600"));
    }
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      return new Response(200, "application/json", in.readAllBytes(), Map.of("Cache-Control", "max-age=3600"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String level(Request r) {
    String level = r.param("level");
    if (!"lsoa".equals(level) && !"ward".equals(level)) {
      throw new IllegalArgumentException("Level must be lsoa or ward, not '" + level + "'");
    }
    return level;
  }

  static String month(String month) {
    return Months.format(Months.parse(month));
  }

  /** Actual and predicted values of every area for one month. */
  static Map<String, Object> map(ConsoleState s, String level, String month) {
    boolean wards = "ward".equals(level);
    int n = wards ? s.wards().size() : s.lsoas().size();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("level", level);
    out.put("month", month);
    AreaValues actual = s.counts().month(month);
    float[] actualValues = null;
    if (actual != null) {
      actualValues = wards ? MonthlyCounts.byWard(actual, s.wardOf(), s.lsoas().size(), n) : actual.toArray(n);
      out.put("actual", JsonArrays.of(actualValues, 0));
      out.put("actualTotal", actual.sum());
    }
    ForecastStore store = wards ? s.wardForecasts() : s.lsoaForecasts();
    ForecastStore.Prediction p = store.predictionFor(month);
    if (p == null && wards) {
      p = s.lsoaForecasts().predictionFor(month);
      if (p != null) {
        Band band = p.band();
        float[][] sums = {MonthlyCounts.byWard(band.predicted(), s.wardOf(), s.lsoas().size(), n),
            MonthlyCounts.byWard(band.lower(), s.wardOf(), s.lsoas().size(), n),
            MonthlyCounts.byWard(band.upper(), s.wardOf(), s.lsoas().size(), n)};
        prediction(out, p, sums, band.total(), "sum of the LSOA forecasts (the interval ends are summed: conservative)");
        return out;
      }
    }
    if (p != null) {
      Band band = p.band();
      prediction(out, p, new float[][] {band.predicted().toArray(n), band.lower().toArray(n), band.upper().toArray(n)},
          band.total(), null);
    }
    return out;
  }

  private static void prediction(Map<String, Object> out, ForecastStore.Prediction p, float[][] values, Band.Total total,
      String note) {
    out.put("predicted", JsonArrays.of(values[0], 2));
    out.put("lower", JsonArrays.of(values[1], 2));
    out.put("upper", JsonArrays.of(values[2], 2));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("origin", p.origin());
    source.put("horizon", p.horizon());
    source.put("modelVersion", p.modelVersion());
    if (note != null) {
      source.put("note", note);
    }
    out.put("prediction", source);
    out.put("predictedTotal", JsonArrays.one(total.predicted(), 1));
  }

  /** London totals: actuals, one-step-ahead forecasts of every origin, and the latest origin's 12 months. */
  static Map<String, Object> timeline(ConsoleState s) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> actual = new ArrayList<>();
    s.counts().totals().forEach((m, t) -> actual.add(Map.of("month", m, "total", t)));
    out.put("actual", actual);
    ForecastStore f = s.lsoaForecasts();
    List<Map<String, Object>> oneStep = new ArrayList<>();
    for (String origin : f.origins()) {
      Band.Total t = f.oneStep(origin).total();
      oneStep.add(point(Months.format(Months.parse(origin).plusMonths(1)), origin, t));
    }
    out.put("oneStep", oneStep);
    String latest = f.latestOrigin();
    if (latest != null) {
      List<Map<String, Object>> points = new ArrayList<>();
      Band[] bands = f.horizons(latest);
      YearMonth o = Months.parse(latest);
      for (int h = 0; h < bands.length; h++) {
        if (bands[h].predicted().count() > 0) {
          points.add(point(Months.format(o.plusMonths(h + 1)), latest, bands[h].total()));
        }
      }
      out.put("forecast", Map.of("origin", latest, "modelVersion", String.valueOf(f.modelVersion(latest)), "points", points));
    }
    out.put("intervalMethod", "London 80% band from the LSOA intervals read as normal and independent: "
        + "narrower than the truth when areas move together");
    return out;
  }

  private static Map<String, Object> point(String target, String origin, Band.Total t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("month", target);
    m.put("origin", origin);
    m.put("predicted", JsonArrays.one(t.predicted(), 1));
    m.put("lower", JsonArrays.one(t.lower(), 1));
    m.put("upper", JsonArrays.one(t.upper(), 1));
    m.put("areas", t.areas());
    return m;
  }

  /** Everything known about one LSOA: profile, history, forecast with drivers, risk and plan hours. */
  static Map<String, Object> lsoa(ConsoleState s, String code) {
    int a = s.lsoas().indexOf(code);
    if (a < 0) {
      throw new HttpError(404, 40402, "No LSOA " + code + " in the console's data");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", code);
    out.put("index", a);
    AreaProfile p = s.profile(a);
    if (p != null) {
      Map<String, Object> profile = new LinkedHashMap<>();
      profile.put("name", p.name());
      profile.put("wardCode", p.wardCode());
      profile.put("wardName", p.wardName());
      profile.put("boroughCode", p.boroughCode());
      profile.put("boroughName", p.boroughName());
      profile.put("areaKm2", p.areaKm2());
      profile.put("population", p.population());
      profile.put("neighbours", p.neighbours());
      Map<String, Double> iod = new LinkedHashMap<>();
      for (int i = 0; i < AreaProfile.IOD.size(); i++) {
        iod.put(AreaProfile.IOD.get(i), JsonArrays.one(p.iod()[i], 4));
      }
      Map<String, Double> census = new LinkedHashMap<>();
      for (int i = 0; i < AreaProfile.CENSUS.size(); i++) {
        census.put(AreaProfile.CENSUS.get(i), JsonArrays.one(p.census()[i], 4));
      }
      profile.put("iod", iod);
      profile.put("census", census);
      out.put("profile", profile);
    }
    out.put("history", Map.of("months", s.counts().months(), "counts", JsonArrays.of(s.counts().history(a), 0)));
    ForecastStore f = s.lsoaForecasts();
    String latest = f.latestOrigin();
    if (latest != null) {
      Band[] bands = f.horizons(latest);
      List<Map<String, Object>> horizons = new ArrayList<>();
      for (int h = 0; h < bands.length; h++) {
        if (bands[h].predicted().known(a)) {
          horizons.add(Map.of("horizon", h + 1, "month", Months.format(Months.parse(latest).plusMonths(h + 1)),
              "predicted", JsonArrays.one(bands[h].predicted().get(a), 3),
              "lower", JsonArrays.one(bands[h].lower().get(a), 3), "upper", JsonArrays.one(bands[h].upper().get(a), 3)));
        }
      }
      out.put("forecast", Map.of("origin", latest, "modelVersion", String.valueOf(f.modelVersion(latest)), "horizons", horizons));
    }
    List<Map<String, Object>> drivers = new ArrayList<>();
    for (ForecastStore.Driver d : f.drivers(a)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("feature", d.feature());
      m.put("value", d.value() == null ? null : JsonArrays.one(d.value(), 4));
      m.put("contribution", JsonArrays.one(d.contribution(), 5));
      drivers.add(m);
    }
    out.put("drivers", drivers);
    out.put("driversOrigin", f.driversOrigin());
    if (s.logRisk().known(a)) {
      out.put("risk", Map.of("logRiskScore", JsonArrays.one(s.logRisk().get(a), 4),
          "expRiskScore", JsonArrays.one(s.expRisk().get(a), 3), "observedRate", JsonArrays.one(s.observedRate().get(a), 3),
          "modelVersion", String.valueOf(s.riskModelVersion())));
    }
    PlanSnapshot plan = s.currentPlan();
    if (plan != null && plan.hours(0).known(a)) {
      List<Map<String, Object>> hours = new ArrayList<>();
      for (int m = 0; m < plan.months().size(); m++) {
        hours.add(Map.of("month", plan.months().get(m), "hours", JsonArrays.one(plan.hours(m).get(a), 2),
            "min", JsonArrays.one(plan.minHours(m).get(a), 2), "max", JsonArrays.one(plan.maxHours(m).get(a), 2),
            "forecast", JsonArrays.one(plan.forecast(m).get(a), 3)));
      }
      out.put("plan", Map.of("planId", plan.planId(), "months", hours));
    }
    return out;
  }

  /** Months the slider offers: every month with actuals and every month a kept forecast reaches. */
  static List<String> sliderMonths(ConsoleState s) {
    TreeSet<String> months = new TreeSet<>(s.counts().months());
    for (String origin : s.lsoaForecasts().origins()) {
      months.add(Months.format(Months.parse(origin).plusMonths(1)));
    }
    String latest = s.lsoaForecasts().latestOrigin();
    if (latest != null) {
      for (int h = 1; h <= ForecastStore.HORIZONS; h++) {
        months.add(Months.format(Months.parse(latest).plusMonths(h)));
      }
    }
    return new ArrayList<>(months);
  }
}
