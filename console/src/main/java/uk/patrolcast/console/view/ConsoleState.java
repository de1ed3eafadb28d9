package uk.patrolcast.console.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RiskCoefficient;
import uk.patrolcast.events.RiskModel;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.events.WardAllocation;
import uk.patrolcast.schemas.Topics;

/**
 * Everything the console knows, built only from topics: one compact view per topic family, each
 * per-area value in an array in {@link AreaIndex} order. One consumer thread writes through
 * {@link #apply}; web requests read through {@link #read}; both hold this object's lock, briefly.
 * Each change marks a {@link Channel} so that browsers are told what to refresh.
 */
public final class ConsoleState {
  /** What changed, as browsers subscribe to it. */
  public enum Channel { AREAS, COUNTS, FEATURES, RISK, FORECASTS, EVALUATIONS, PLANS, REJECTED, WATERMARKS }

  private final AreaIndex lsoas = new AreaIndex();
  private final AreaIndex wards = new AreaIndex();
  private final List<AreaProfile> profiles = new ArrayList<>();
  private int[] wardOf = new int[0];
  private final Map<Integer, String> wardNames = new HashMap<>();
  private final Map<Integer, String> wardBoroughs = new HashMap<>();
  private final Map<String, String> boroughNames = new TreeMap<>();
  private final MonthlyCounts counts = new MonthlyCounts();
  private final RecentFeatures features;
  private final ForecastStore lsoaForecasts;
  private final ForecastStore wardForecasts;
  private final AreaValues logRisk = new AreaValues(5000);
  private final AreaValues expRisk = new AreaValues(5000);
  private final AreaValues observedRate = new AreaValues(5000);
  private final Map<String, Map<String, Object>> riskModels = new TreeMap<>();
  private String riskModelVersion;
  private final Map<String, ModelEvaluation> evaluations = new TreeMap<>();
  private final Map<String, Map<String, Object>> plans = new LinkedHashMap<>();
  private PlanSnapshot currentPlan;
  private final RejectedLog rejected;
  private final Watermarks watermarks = new Watermarks();
  private final EnumSet<Channel> changed = EnumSet.noneOf(Channel.class);
  private final Map<String, Long> recordsByTopic = new TreeMap<>();
  private long version;

  public ConsoleState(int featureMonths, int forecastOrigins, int rejectedKeep) {
    features = new RecentFeatures(featureMonths);
    lsoaForecasts = new ForecastStore(forecastOrigins);
    wardForecasts = new ForecastStore(forecastOrigins);
    rejected = new RejectedLog(rejectedKeep);
  }

  /** Takes one record of a topic (a null value is a tombstone). Unknown topics are ignored. */
  public synchronized void apply(String topic, String key, Object value) {
    recordsByTopic.merge(topic, 1L, Long::sum);
    version++;
    if (value == null) {
      tombstone(topic, key);
      return;
    }
    if (value instanceof LsoaProfile p) {
      profile(p);
    } else if (value instanceof LsoaMonthFeatures f) {
      features(f);
    } else if (value instanceof MonthClosed m) {
      watermarks.monthClosed(m);
      changed.add(Channel.WATERMARKS);
    } else if (value instanceof SnapshotReady s) {
      watermarks.snapshotReady(s);
      changed.add(Channel.WATERMARKS);
    } else if (value instanceof RejectedRecord r) {
      rejected.add(r);
      changed.add(Channel.REJECTED);
    } else if (value instanceof RiskScore r) {
      risk(r);
    } else if (value instanceof RiskModel m) {
      riskModel(m);
    } else if (value instanceof Forecast f) {
      forecast(topic, f);
    } else if (value instanceof ForecastReady f) {
      watermarks.forecastReady(f);
      changed.add(Channel.WATERMARKS);
      changed.add(Channel.FORECASTS);
    } else if (value instanceof ModelEvaluation e) {
      evaluations.put(key, e);
      changed.add(Channel.EVALUATIONS);
    } else if (value instanceof AllocationPlan p) {
      plan(key, p);
    }
  }

  /** Reads under the lock: {@code query} must copy what it returns. */
  public synchronized <T> T read(Function<ConsoleState, T> query) {
    return query.apply(this);
  }

  /** The channels changed since the last call. */
  public synchronized EnumSet<Channel> drainChanges() {
    EnumSet<Channel> out = EnumSet.copyOf(changed.isEmpty() ? EnumSet.noneOf(Channel.class) : changed);
    changed.clear();
    return out;
  }

  private void tombstone(String topic, String key) {
    if (topic.equals(Topics.PLANS.name())) {
      plans.remove(key);
      changed.add(Channel.PLANS);
    } else if (topic.equals(Topics.EVALUATIONS.name())) {
      evaluations.remove(key);
      changed.add(Channel.EVALUATIONS);
    }
  }

  private void profile(LsoaProfile p) {
    int a = lsoas.add(p.getLsoa21cd());
    while (profiles.size() <= a) {
      profiles.add(null);
    }
    profiles.set(a, AreaProfile.of(p));
    int w = ward(p.getWardCode(), p.getWardName(), p.getBoroughCode());
    setWardOf(a, w);
    boroughNames.put(p.getBoroughCode(), p.getBoroughName());
    changed.add(Channel.AREAS);
  }

  private void features(LsoaMonthFeatures f) {
    int a = lsoas.add(f.getLsoa21cd());
    counts.set(f.getMonth(), a, f.getCount());
    features.put(a, f);
    if (a >= wardOf.length || wardOf[a] < 0) {
      setWardOf(a, ward(f.getWardCode(), null, f.getBoroughCode()));
    }
    changed.add(Channel.COUNTS);
    changed.add(Channel.FEATURES);
  }

  private void risk(RiskScore r) {
    int a = lsoas.add(r.getLsoa21cd());
    logRisk.set(a, r.getLogRiskScore());
    expRisk.set(a, r.getExpRiskScore());
    observedRate.set(a, r.getObservedRate());
    riskModelVersion = r.getModelVersion();
    changed.add(Channel.RISK);
  }

  private void riskModel(RiskModel m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("modelVersion", m.getModelVersion());
    row.put("dataFrom", m.getDataFrom());
    row.put("dataMonth", m.getDataMonth());
    row.put("observations", m.getObservations());
    row.put("r2", m.getR2());
    row.put("adjustedR2", m.getAdjustedR2());
    row.put("residualStdError", m.getResidualStdError());
    List<Map<String, Object>> coefficients = new ArrayList<>();
    for (RiskCoefficient c : m.getCoefficients()) {
      coefficients.add(Map.of("term", c.getTerm(), "estimate", c.getEstimate(), "stdError", c.getStdError(),
          "tValue", c.getTValue(), "pValue", c.getPValue()));
    }
    row.put("coefficients", coefficients);
    row.put("createdAt", String.valueOf(m.getCreatedAt()));
    riskModels.put(m.getModelVersion(), row);
    changed.add(Channel.RISK);
  }

  private void forecast(String topic, Forecast f) {
    if (topic.equals(Topics.WARD_FORECASTS.name())) {
      wardForecasts.put(ward(f.getAreaCode(), null, f.getBoroughCode()), f);
    } else {
      int a = lsoas.add(f.getAreaCode());
      lsoaForecasts.put(a, f);
      if (a >= wardOf.length || wardOf[a] < 0) {
        setWardOf(a, ward(f.getWardCode(), null, f.getBoroughCode()));
      }
    }
    changed.add(Channel.FORECASTS);
  }

  private void plan(String key, AllocationPlan p) {
    if (p.getKind() != PlanKind.CURRENT) {
      return;
    }
    PlanSnapshot snapshot = PlanSnapshot.of(p, lsoas);
    for (WardAllocation w : p.getWards()) {
      ward(w.getWardCode(), w.getWardName(), w.getBoroughCode());
    }
    plans.put(key, snapshot.summary());
    if (snapshot.optimal() && (currentPlan == null || newer(snapshot, currentPlan))) {
      currentPlan = snapshot;
      watermarks.planned(p.getOriginMonth(), p.getPlanId());
    }
    changed.add(Channel.PLANS);
    changed.add(Channel.WATERMARKS);
  }

  private static boolean newer(PlanSnapshot a, PlanSnapshot b) {
    int byOrigin = a.originMonth().compareTo(b.originMonth());
    if (byOrigin != 0) {
      return byOrigin > 0;
    }
    return a.createdAt() != null && b.createdAt() != null && !a.createdAt().isBefore(b.createdAt());
  }

  private int ward(String code, String name, String borough) {
    int w = wards.add(code);
    if (name != null) {
      wardNames.put(w, name);
    }
    if (borough != null) {
      wardBoroughs.putIfAbsent(w, borough);
    }
    return w;
  }

  private void setWardOf(int lsoa, int ward) {
    if (lsoa >= wardOf.length) {
      int old = wardOf.length;
      wardOf = Arrays.copyOf(wardOf, Math.max(lsoa + 1, Math.max(16, old * 2)));
      Arrays.fill(wardOf, old, wardOf.length, -1);
    }
    wardOf[lsoa] = ward;
  }

  // ---- reads (call inside read()) ----

  public AreaIndex lsoas() {
    return lsoas;
  }

  public AreaIndex wards() {
    return wards;
  }

  /** Profiles in LSOA index order, null where unknown, padded to the index size. */
  public List<AreaProfile> profiles() {
    List<AreaProfile> out = new ArrayList<>(profiles);
    while (out.size() < lsoas.size()) {
      out.add(null);
    }
    return out;
  }

  public AreaProfile profile(int lsoa) {
    return lsoa >= 0 && lsoa < profiles.size() ? profiles.get(lsoa) : null;
  }

  public int profileCount() {
    return (int) profiles.stream().filter(p -> p != null).count();
  }

  /** Ward index of each LSOA (-1 when unknown), padded to the index size. */
  public int[] wardOf() {
    int[] out = Arrays.copyOf(wardOf, lsoas.size());
    for (int i = wardOf.length; i < out.length; i++) {
      out[i] = -1;
    }
    return out;
  }

  public String wardName(int ward) {
    return wardNames.get(ward);
  }

  public String wardBorough(int ward) {
    return wardBoroughs.get(ward);
  }

  public Map<String, String> boroughNames() {
    return Collections.unmodifiableMap(boroughNames);
  }

  public MonthlyCounts counts() {
    return counts;
  }

  public RecentFeatures features() {
    return features;
  }

  public ForecastStore lsoaForecasts() {
    return lsoaForecasts;
  }

  public ForecastStore wardForecasts() {
    return wardForecasts;
  }

  public AreaValues logRisk() {
    return logRisk;
  }

  public AreaValues expRisk() {
    return expRisk;
  }

  public AreaValues observedRate() {
    return observedRate;
  }

  public String riskModelVersion() {
    return riskModelVersion;
  }

  public List<Map<String, Object>> riskModels() {
    return new ArrayList<>(riskModels.values());
  }

  /** Evaluations ordered by window end, then model version. */
  public List<ModelEvaluation> evaluations() {
    List<ModelEvaluation> out = new ArrayList<>(evaluations.values());
    out.sort(Comparator.comparing(ModelEvaluation::getWindowTo).thenComparing(ModelEvaluation::getModelVersion));
    return out;
  }

  /** Summaries of every current plan on the topic, newest origin last. */
  public List<Map<String, Object>> planSummaries() {
    List<Map<String, Object>> out = new ArrayList<>(plans.values());
    out.sort(Comparator.comparing((Map<String, Object> m) -> (String) m.get("originMonth"))
        .thenComparing(m -> String.valueOf(m.get("createdAt"))));
    return out;
  }

  public PlanSnapshot currentPlan() {
    return currentPlan;
  }

  public RejectedLog rejected() {
    return rejected;
  }

  public Watermarks watermarks() {
    return watermarks;
  }

  public Map<String, Long> recordsByTopic() {
    return new TreeMap<>(recordsByTopic);
  }

  public long version() {
    return version;
  }
}
