package uk.patrolcast.console.web;

import static uk.patrolcast.console.web.Compression.gzip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.console.view.AreaProfile;
import uk.patrolcast.console.view.ConsoleState;
import uk.patrolcast.console.view.Correlations;
import uk.patrolcast.console.view.MonthlyCounts;
import uk.patrolcast.events.FeatureImportance;
import uk.patrolcast.events.MethodMetrics;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.Request;
import uk.patrolcast.platform.http.HttpApi.Response;

/**
 * The Insights page's data: the static risk map, correlations of the burglary rate with IoD domains
 * and census shares (and one variable's scatter), and model evaluations against the baselines.
 */
public final class InsightsApi {
  private final ConsoleState state;

  public InsightsApi(ConsoleState state) {
    this.state = state;
  }

  public void register(HttpApi http) {
    http.get("/api/risk", gzip(r -> Response.json(state.read(InsightsApi::risk))));
    http.get("/api/correlations", gzip(r -> Response.json(state.read(s -> correlations(s, window(r))))));
    http.get("/api/correlations/scatter", gzip(r -> Response.json(state.read(s -> scatter(s, r.query("variable", "imd"), window(r))))));
    http.get("/api/evaluations", gzip(r -> Response.json(state.read(InsightsApi::evaluations))));
  }

  private static int window(Request r) {
    int months;
    try {
      months = Integer.parseInt(r.query("months", "12"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("months must be a whole number of months");
    }
    if (months < 1 || months > 600) {
      throw new IllegalArgumentException("months must be between 1 and 600");
    }
    return months;
  }

  static Map<String, Object> risk(ConsoleState s) {
    int n = s.lsoas().size();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("modelVersion", s.riskModelVersion());
    out.put("expRiskScore", JsonArrays.of(s.expRisk().toArray(n), 3));
    out.put("logRiskScore", JsonArrays.of(s.logRisk().toArray(n), 3));
    out.put("observedRate", JsonArrays.of(s.observedRate().toArray(n), 3));
    out.put("models", s.riskModels());
    return out;
  }

  /** Annual burglaries per 1,000 residents over the last {@code months} months, per LSOA (NaN without population). */
  static double[] rate(ConsoleState s, int months) {
    List<AreaProfile> profiles = s.profiles();
    MonthlyCounts.Window w = s.counts().window(months, profiles.size());
    double[] rate = new double[profiles.size()];
    for (int a = 0; a < rate.length; a++) {
      AreaProfile p = profiles.get(a);
      rate[a] = p == null || p.population() <= 0 || w.months() == 0
          ? Double.NaN : w.sums()[a] * 1000.0 / p.population() * 12.0 / w.months();
    }
    return rate;
  }

  static Map<String, Object> correlations(ConsoleState s, int months) {
    double[] rate = rate(s, months);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Correlations.Row r : Correlations.table(s.profiles(), rate)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", r.group());
      m.put("variable", r.variable());
      m.put("pearson", JsonArrays.one(r.pearson(), 4));
      m.put("spearman", JsonArrays.one(r.spearman(), 4));
      m.put("n", r.n());
      rows.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("measure", "burglaries per 1,000 residents per year");
    out.put("months", s.counts().window(months, 0).months());
    out.put("rows", rows);
    return out;
  }

  static Map<String, Object> scatter(ConsoleState s, String variable, int months) {
    boolean iod = AreaProfile.IOD.contains(variable);
    if (!iod && !AreaProfile.CENSUS.contains(variable)) {
      throw new IllegalArgumentException("Unknown variable '" + variable + "'; IoD: " + AreaProfile.IOD + "; census: " + AreaProfile.CENSUS);
    }
    int v = iod ? AreaProfile.IOD.indexOf(variable) : AreaProfile.CENSUS.indexOf(variable);
    double[] x = Correlations.column(s.profiles(), iod, v);
    double[] y = rate(s, months);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("variable", variable);
    out.put("x", JsonArrays.of(x, 4));
    out.put("y", JsonArrays.of(y, 3));
    out.put("pearson", JsonArrays.one(Correlations.pearson(x, y), 4));
    out.put("spearman", JsonArrays.one(Correlations.spearman(x, y), 4));
    return out;
  }

  /** Every evaluation with its pooled metrics per method and the model's metrics per horizon. */
  static List<Map<String, Object>> evaluations(ConsoleState s) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ModelEvaluation e : s.evaluations()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("modelVersion", e.getModelVersion());
      m.put("kind", e.getKind().name());
      m.put("role", e.getRole().name());
      m.put("promoted", e.getPromoted());
      m.put("decision", e.getDecision());
      m.put("objective", e.getObjective());
      m.put("trainFrom", e.getTrainFrom());
      m.put("trainUntil", e.getTrainUntil());
      m.put("windowFrom", e.getWindowFrom());
      m.put("windowTo", e.getWindowTo());
      Map<String, Map<String, Object>> pooled = new LinkedHashMap<>();
      List<Map<String, Object>> byHorizon = new ArrayList<>();
      for (MethodMetrics mm : e.getMetrics()) {
        Map<String, Object> metrics = metrics(mm);
        if (mm.getHorizon() == null) {
          pooled.put(mm.getMethod(), metrics);
        } else {
          metrics.put("method", mm.getMethod());
          metrics.put("horizon", mm.getHorizon());
          byHorizon.add(metrics);
        }
      }
      m.put("pooled", pooled);
      m.put("byHorizon", byHorizon);
      List<Map<String, Object>> importances = new ArrayList<>();
      for (FeatureImportance fi : e.getImportances().subList(0, Math.min(15, e.getImportances().size()))) {
        importances.add(Map.of("feature", fi.getFeature(), "meanAbsShap", JsonArrays.one(fi.getMeanAbsShap(), 5),
            "gain", JsonArrays.one(fi.getGain(), 3)));
      }
      m.put("importances", importances);
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> metrics(MethodMetrics mm) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", mm.getN());
    m.put("mae", JsonArrays.one(mm.getMae(), 4));
    m.put("rmse", JsonArrays.one(mm.getRmse(), 4));
    m.put("r2", JsonArrays.one(mm.getR2(), 4));
    m.put("poissonDeviance", JsonArrays.one(mm.getPoissonDeviance(), 4));
    m.put("bias", JsonArrays.one(mm.getBias(), 4));
    m.put("hitRate1", JsonArrays.one(mm.getHitRate1(), 4));
    m.put("pai1", JsonArrays.one(mm.getPai1(), 3));
    m.put("hitRate5", JsonArrays.one(mm.getHitRate5(), 4));
    m.put("pai5", JsonArrays.one(mm.getPai5(), 3));
    m.put("coverage80", mm.getCoverage80() == null ? null : JsonArrays.one(mm.getCoverage80(), 4));
    return m;
  }
}
