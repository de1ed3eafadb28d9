package uk.patrolcast.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.patrolcast.events.EvaluationKind;
import uk.patrolcast.events.FeatureImportance;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.HorizonForecast;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MethodMetrics;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.RiskCoefficient;
import uk.patrolcast.events.RiskModel;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.forecast.eval.MetricValues;
import uk.patrolcast.forecast.eval.MonthlyHitGains;
import uk.patrolcast.forecast.eval.Scoring;
import uk.patrolcast.forecast.eval.TargetCheck;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * Writes the forecast service's part of {@code patrolcast run}'s OUT from the topics' final contents:
 * {@code forecasts.csv}, {@code forecasts_ward.csv}, {@code risk_scores.csv},
 * {@code evaluations.json} and {@code neighbours.csv} (the neighbour lists the models were trained
 * with; beside {@code features.csv}, the input of {@code EvaluateFromCsv} and
 * {@code ForecastBenchmark}). Rows are sorted and numbers written with fixed rules (at most 6
 * decimals, no trailing zeros), and no wall-clock time is written, so the same run gives the same
 * bytes.
 */
public final class ForecastOutputs {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private ForecastOutputs() {}

  /** Writes the five files; returns the model versions that produced forecasts (for run.json). */
  public static List<String> write(String bootstrapServers, SchemaRegistry registry, Path out) {
    Map<String, Forecast> lsoa = TopicReader.latest(bootstrapServers, registry, Topics.LSOA_FORECASTS);
    Map<String, Forecast> ward = TopicReader.latest(bootstrapServers, registry, Topics.WARD_FORECASTS);
    Map<String, RiskScore> risk = TopicReader.latest(bootstrapServers, registry, Topics.RISK_SCORES);
    Map<String, RiskModel> riskModels = TopicReader.latest(bootstrapServers, registry, Topics.RISK_MODELS);
    Map<String, ModelEvaluation> evaluations = TopicReader.latest(bootstrapServers, registry, Topics.EVALUATIONS);
    Map<String, ForecastReady> ready = TopicReader.latest(bootstrapServers, registry, Topics.FORECAST_READY);
    Map<String, LsoaProfile> profiles = TopicReader.latest(bootstrapServers, registry, Topics.LSOA_PROFILES);
    try {
      Files.createDirectories(out);
      writeForecasts(lsoa.values(), out.resolve("forecasts.csv"), true);
      writeForecasts(ward.values(), out.resolve("forecasts_ward.csv"), false);
      writeRisk(risk.values(), out.resolve("risk_scores.csv"));
      writeEvaluations(evaluations.values(), riskModels.values(), out.resolve("evaluations.json"));
      writeNeighbours(profiles.values(), out.resolve("neighbours.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the forecast outputs to " + out + ": " + e.getMessage(), e);
    }
    TreeSet<String> versions = new TreeSet<>();
    ready.values().forEach(r -> versions.add(r.getModelVersion()));
    return List.copyOf(versions);
  }

  static void writeForecasts(Iterable<Forecast> forecasts, Path file, boolean lsoa) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (Forecast f : forecasts) {
      for (HorizonForecast h : f.getHorizons()) {
        rows.add(lsoa
            ? new String[] {f.getOriginMonth(), h.getTargetMonth(), f.getAreaCode(), f.getWardCode(), num(h.getPredicted()),
                num(h.getLower80()), num(h.getUpper80()), f.getModelVersion()}
            : new String[] {f.getOriginMonth(), h.getTargetMonth(), f.getAreaCode(), f.getBoroughCode(), num(h.getPredicted()),
                num(h.getLower80()), num(h.getUpper80()), f.getModelVersion()});
      }
    }
    rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]).thenComparing(r -> r[2]));
    String header = lsoa
        ? "origin_month,target_month,lsoa21cd,ward_code,predicted,lower80,upper80,model_version"
        : "origin_month,target_month,ward_code,borough_code,predicted,lower80,upper80,model_version";
    write(file, header, rows);
  }

  static void writeRisk(Iterable<RiskScore> scores, Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (RiskScore s : scores) {
      rows.add(new String[] {s.getLsoa21cd(), num(s.getLogRiskScore()), num(s.getExpRiskScore())});
    }
    rows.sort(Comparator.comparing(r -> r[0]));
    write(file, "lsoa21cd,log_risk_score,exp_risk_score", rows);
  }

  /** {@code lsoa21cd,neighbours}, the codes joined by {@code ;}: what {@code FeatureCsv.readNeighbours} reads. */
  static void writeNeighbours(Iterable<LsoaProfile> profiles, Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (LsoaProfile p : profiles) {
      rows.add(new String[] {p.getLsoa21cd(), String.join(";", p.getNeighbours())});
    }
    rows.sort(Comparator.comparing(r -> r[0]));
    write(file, "lsoa21cd,neighbours", rows);
  }

  private static void write(Path file, String header, List<String[]> rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(header);
      w.write('\n');
      for (String[] r : rows) {
        w.write(String.join(",", r));
        w.write('\n');
      }
    }
  }

  public static void writeEvaluations(Iterable<ModelEvaluation> evaluations, Iterable<RiskModel> riskModels, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    List<ModelEvaluation> sorted = new ArrayList<>();
    evaluations.forEach(sorted::add);
    sorted.sort(Comparator.comparing(ModelEvaluation::getModelVersion).thenComparing(e -> e.getKind().ordinal())
        .thenComparing(ModelEvaluation::getWindowTo).thenComparing(e -> e.getRole().ordinal()));
    root.set("summary", summary(sorted));
    ArrayNode evals = root.putArray("evaluations");
    for (ModelEvaluation e : sorted) {
      evals.add(evaluation(e));
    }
    ArrayNode risks = root.putArray("risk_models");
    List<RiskModel> models = new ArrayList<>();
    riskModels.forEach(models::add);
    models.sort(Comparator.comparing(RiskModel::getModelVersion));
    for (RiskModel m : models) {
      ObjectNode r = risks.addObject();
      r.put("model_version", m.getModelVersion());
      r.put("data_from", m.getDataFrom());
      r.put("data_month", m.getDataMonth());
      r.put("observations", m.getObservations());
      put(r, "r2", m.getR2());
      put(r, "adjusted_r2", m.getAdjustedR2());
      put(r, "residual_std_error", m.getResidualStdError());
      ArrayNode terms = r.putArray("coefficients");
      for (RiskCoefficient c : m.getCoefficients()) {
        ObjectNode t = terms.addObject();
        t.put("term", c.getTerm());
        put(t, "estimate", c.getEstimate());
        put(t, "std_error", c.getStdError());
        put(t, "t_value", c.getTValue());
        put(t, "p_value", c.getPValue());
      }
    }
    JSON.writeValue(file.toFile(), root);
  }

  /**
   * For each model's latest BACKTEST (or LIVE) evaluation: the headline figures of horizon 1 over
   * every origin and of horizons 1..12 from the cut-off, and the targets on both.
   */
  private static ArrayNode summary(List<ModelEvaluation> sorted) {
    Map<String, ModelEvaluation> latest = new TreeMap<>();
    for (ModelEvaluation e : sorted) {
      if (e.getKind() == EvaluationKind.BACKTEST || e.getKind() == EvaluationKind.LIVE) {
        latest.merge(e.getModelVersion(), e, (a, b) -> a.getWindowTo().compareTo(b.getWindowTo()) >= 0 ? a : b);
      }
    }
    ArrayNode out = JSON.createArrayNode();
    for (ModelEvaluation e : latest.values()) {
      List<MetricValues> metrics = e.getMetrics().stream().map(ForecastOutputs::values).toList();
      ObjectNode s = out.addObject();
      s.put("model_version", e.getModelVersion());
      s.put("kind", e.getKind().toString());
      s.put("train_until", e.getTrainUntil());
      s.put("window_from", e.getWindowFrom());
      s.put("window_to", e.getWindowTo());
      TargetCheck h1 = TargetCheck.of(metrics, 1, null);
      Optional<MonthlyHitGains> gains = h1 == null ? Optional.empty() : monthlyHitGains(sorted, e, h1.bestHitBaseline());
      s.set("horizon_1", headline(metrics, 1, null, h1, gains));
      s.set("from_train_until", headline(metrics, null, e.getTrainUntil(), TargetCheck.of(metrics, null, e.getTrainUntil()),
          Optional.empty()));
    }
    return out;
  }

  /** Horizon 1's gain over {@code baseline} month by month, from the cumulative evaluations that end at {@code latest}. */
  private static Optional<MonthlyHitGains> monthlyHitGains(List<ModelEvaluation> sorted, ModelEvaluation latest, String baseline) {
    List<MonthlyHitGains.Cumulative> cumulative = new ArrayList<>();
    for (ModelEvaluation e : sorted) { // sorted by window end within a version and kind
      if (e.getModelVersion().equals(latest.getModelVersion()) && e.getKind() == latest.getKind()
          && e.getWindowFrom().equals(latest.getWindowFrom()) && e.getWindowTo().compareTo(latest.getWindowTo()) <= 0) {
        MethodMetrics model = horizonOne(e, Scoring.MODEL);
        MethodMetrics base = horizonOne(e, baseline);
        if (model == null || base == null) {
          return Optional.empty();
        }
        cumulative.add(new MonthlyHitGains.Cumulative(Months.parse(e.getWindowTo()), model.getHitRate5(), base.getHitRate5()));
      }
    }
    return MonthlyHitGains.of(Months.parse(latest.getWindowFrom()), cumulative);
  }

  private static MethodMetrics horizonOne(ModelEvaluation e, String method) {
    for (MethodMetrics m : e.getMetrics()) {
      if (m.getMethod().equals(method) && Integer.valueOf(1).equals(m.getHorizon()) && m.getOriginMonth() == null) {
        return m;
      }
    }
    return null;
  }

  /** The methods' figures at one horizon or origin, and the targets {@code t} (null: a method missing) with {@code gains}. */
  private static ObjectNode headline(List<MetricValues> metrics, Integer horizon, String origin, TargetCheck t,
      Optional<MonthlyHitGains> gains) {
    ObjectNode h = JSON.createObjectNode();
    ObjectNode methods = h.putObject("methods");
    for (MetricValues m : metrics) {
      if (java.util.Objects.equals(m.horizon(), horizon) && java.util.Objects.equals(m.originMonth(), origin)) {
        ObjectNode o = methods.putObject(m.method());
        o.put("n", m.n());
        put(o, "mae", m.mae());
        put(o, "rmse", m.rmse());
        put(o, "poisson_deviance", m.poissonDeviance());
        put(o, "hit_rate_5", m.hitRate5());
        if (m.coverage80() != null) {
          put(o, "coverage80", m.coverage80());
        }
      }
    }
    if (t != null) {
      ObjectNode c = h.putObject("targets");
      put(c, "deviance_reduction_vs_best_baseline", t.devianceReduction());
      c.put("best_deviance_baseline", t.bestDevianceBaseline());
      c.put("deviance_met", t.devianceMet());
      c.put("best_rmse_baseline", t.bestRmseBaseline());
      c.put("rmse_met", t.rmseMet());
      put(c, "hit_rate_5_gain_points", t.hitRateGainPoints());
      c.put("best_hit_rate_baseline", t.bestHitBaseline());
      c.put("hit_rate_met", t.hitRateMet());
      c.put("coverage_met", t.coverageMet());
      c.put("all_met", t.allMet());
      gains.ifPresent(g -> {
        ArrayNode months = c.putArray("hit_rate_5_monthly_gain_points");
        g.points().forEach(v -> months.add(new BigDecimal(num(v))));
        put(c, "hit_rate_5_gain_se_points", g.standardErrorPoints());
      });
    }
    return h;
  }

  private static ObjectNode evaluation(ModelEvaluation e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("model_version", e.getModelVersion());
    o.put("kind", e.getKind().toString());
    o.put("role", e.getRole().toString());
    if (e.getPromoted() != null) {
      o.put("promoted", e.getPromoted());
    }
    if (e.getDecision() != null) {
      o.put("decision", e.getDecision());
    }
    o.put("objective", e.getObjective());
    o.put("train_from", e.getTrainFrom());
    o.put("train_until", e.getTrainUntil());
    o.put("window_from", e.getWindowFrom());
    o.put("window_to", e.getWindowTo());
    o.set("parameters", JSON.valueToTree(new TreeMap<>(e.getParameters())));
    ArrayNode metrics = o.putArray("metrics");
    for (MethodMetrics m : e.getMetrics()) {
      ObjectNode x = metrics.addObject();
      x.put("method", m.getMethod());
      if (m.getHorizon() != null) {
        x.put("horizon", m.getHorizon());
      } else {
        x.putNull("horizon");
      }
      if (m.getOriginMonth() != null) {
        x.put("origin_month", m.getOriginMonth());
      }
      x.put("n", m.getN());
      put(x, "mae", m.getMae());
      put(x, "rmse", m.getRmse());
      put(x, "r2", m.getR2());
      put(x, "poisson_deviance", m.getPoissonDeviance());
      put(x, "bias", m.getBias());
      put(x, "hit_rate_1", m.getHitRate1());
      put(x, "pai_1", m.getPai1());
      put(x, "hit_rate_5", m.getHitRate5());
      put(x, "pai_5", m.getPai5());
      if (m.getCoverage80() != null) {
        put(x, "coverage80", m.getCoverage80());
      }
    }
    ArrayNode imp = o.putArray("importances");
    for (FeatureImportance i : e.getImportances()) {
      ObjectNode x = imp.addObject();
      x.put("feature", i.getFeature());
      put(x, "mean_abs_shap", i.getMeanAbsShap());
      put(x, "gain", i.getGain());
    }
    return o;
  }

  static MetricValues values(MethodMetrics m) {
    return new MetricValues(m.getMethod(), m.getHorizon(), m.getOriginMonth(), m.getN(), m.getMae(), m.getRmse(), m.getR2(),
        m.getPoissonDeviance(), m.getBias(), m.getHitRate1(), m.getPai1(), m.getHitRate5(), m.getPai5(), m.getCoverage80());
  }

  private static void put(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, new BigDecimal(num(v)));
    } else {
      o.putNull(field);
    }
  }

  /** At most 6 decimals, no trailing zeros, plain notation: one text per value, on every machine. */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    BigDecimal d = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }
}
