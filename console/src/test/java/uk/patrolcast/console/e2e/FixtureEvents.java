package uk.patrolcast.console.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.CensusShares;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.IodScores;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.MonthSource;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * The fixture: real London reference data and real monthly counts from {@code shared/data}, and
 * forecasts, evaluations and plans computed simply from them (see {@link FixtureModels}), published
 * on the catalogue's topics exactly as the services would; a small responder answers what-ifs. All
 * but the last month go out at start; {@link #advance} publishes the last month through every stage.
 * The window is {@code console.e2e.first}..{@code console.e2e.last} (default 2021-03..2024-02).
 */
final class FixtureEvents implements ConsoleEvents {
  private static final Logger log = LoggerFactory.getLogger(FixtureEvents.class);
  static final int ORIGINS = 6;

  private KafkaProducer<byte[], byte[]> producer;
  private SchemaRegistry registry;
  private LondonData data;
  private FixtureModels models;
  private FixturePlans plans;
  private WhatIfResponder responder;
  private AllocationPlan currentPlan;
  private int published;
  private final List<Future<RecordMetadata>> inFlight = new ArrayList<>();
  private final java.util.Map<String, uk.patrolcast.schemas.serde.AvroSerde<String>> keys = new java.util.HashMap<>();
  private final java.util.Map<String, uk.patrolcast.schemas.serde.AvroSerde<?>> values = new java.util.HashMap<>();

  @Override
  public void start(String bootstrapServers, String schemaRegistryUrl, Path dataDir, Path stateDir) throws Exception {
    long t = System.nanoTime();
    YearMonth first = Months.parse(System.getProperty("console.e2e.first", "2021-03"));
    YearMonth last = Months.parse(System.getProperty("console.e2e.last", "2024-02"));
    if (Months.between(first, last) + 1 < ORIGINS + 15) {
      throw new IllegalArgumentException("The fixture needs at least " + (ORIGINS + 15) + " months (console.e2e.first.."
          + "console.e2e.last): 12 of history before the first forecast, and 3 more for the first evaluation window");
    }
    data = LondonData.read(dataDir, first, last);
    models = new FixtureModels(data);
    plans = new FixturePlans(data, models);
    log.info("fixture read {} LSOAs and {} months ({} rejected rows) in {} ms", data.codes.size(), data.months.size(),
        data.rejections.size(), (System.nanoTime() - t) / 1_000_000);
    registry = new SchemaRegistryClient(schemaRegistryUrl);
    Properties p = KafkaClientConfigs.producer(bootstrapServers, "console-fixture");
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    responder = new WhatIfResponder(bootstrapServers, registry, plans, () -> currentPlan);
    responder.start();

    int lastMonth = data.months.size() - 1;
    for (LondonData.Area a : data.areas.values()) {
      send(Topics.LSOA_PROFILES, a.code, profile(a));
    }
    FixtureModels.RiskFit risk = models.risk();
    send(Topics.RISK_MODELS, risk.model().getModelVersion(), risk.model());
    for (RiskScore s : risk.scores()) {
      send(Topics.RISK_SCORES, s.getLsoa21cd(), s);
    }
    for (int m = 0; m < lastMonth; m++) {
      month(m, risk);
    }
    for (int o = lastMonth - ORIGINS; o < lastMonth; o++) {
      origin(o);
    }
    flush();
    log.info("fixture published {} records up to {} in {} ms", published, data.months.get(lastMonth - 1),
        (System.nanoTime() - t) / 1_000_000);
    this.risk = risk;
  }

  private FixtureModels.RiskFit risk;
  private boolean advanced;

  @Override
  public boolean advance() throws Exception {
    if (advanced) {
      return false;
    }
    int last = data.months.size() - 1;
    month(last, risk);
    origin(last);
    flush();
    advanced = true;
    return true;
  }

  @Override
  public String expectedIngestedMonth() {
    return data.months.get(advanced ? data.months.size() - 1 : data.months.size() - 2);
  }

  @Override
  public Double expectedTotal(String month) {
    int m = data.months.indexOf(month);
    return m < 0 ? null : (double) data.monthTotal(m);
  }

  /** Everything of one month: features, rejections, MonthClosed, SnapshotReady. */
  private void month(int m, FixtureModels.RiskFit risk) {
    String month = data.months.get(m);
    int rejected = 0;
    for (LondonData.Rejection r : data.rejections) {
      if (month.equals(r.month())) {
        rejected++;
        send(Topics.CRIME_REJECTED, r.source() + ":" + r.line(), RejectedRecord.newBuilder().setSource(r.source())
            .setLine(r.line()).setReason(RejectionReason.valueOf(r.reason())).setMessage(r.message()).setRaw(r.raw())
            .setRawLength(r.raw().length()).setMonth(r.month()).setForce(r.force()).setCrimeId(r.crimeId())
            .setRejectedAt(FixtureModels.AT).build());
      }
    }
    for (int a = 0; a < data.codes.size(); a++) {
      send(Topics.FEATURES, data.codes.get(a) + ":" + month,
          models.features(m, a, risk.scores().get(a).getLogRiskScore()));
    }
    List<MonthSource> sources = new ArrayList<>();
    for (LondonData.MonthSource s : data.sources.getOrDefault(month, List.of())) {
      sources.add(MonthSource.newBuilder().setForce(s.force()).setSource(s.file()).setSha256(s.sha256()).setRows(s.rows())
          .setAccepted(s.accepted()).setRejected(s.rejected()).build());
    }
    int total = data.monthTotal(m);
    send(Topics.MONTH_CLOSED, month, MonthClosed.newBuilder().setMonth(month).setRevision(1).setRecordCount(total)
        .setRecordHashSum(0).setRejectedCount(rejected).setChecksum(checksum(sources)).setSources(sources)
        .setLsoaCount(data.codes.size()).setClosedAt(Instant.now()).build());
    send(Topics.SNAPSHOT_READY, month, SnapshotReady.newBuilder().setMonth(month).setRevision(1).setLsoaCount(data.codes.size())
        .setTotalCount(total).setMonthRevision(1).setCause(SnapshotCause.CLOSED).setReadyAt(Instant.now()).build());
  }

  /** Forecasts, ForecastReady, an evaluation and the plan of one origin month. */
  private void origin(int o) {
    String origin = data.months.get(o);
    double nextMonth = 0;
    for (int a = 0; a < data.codes.size(); a++) {
      Forecast f = models.lsoaForecast(o, a);
      nextMonth += f.getHorizons().get(0).getPredicted();
      send(Topics.LSOA_FORECASTS, f.getAreaCode() + ":" + origin, f);
    }
    List<Forecast> wards = models.wardForecasts(o);
    for (Forecast f : wards) {
      send(Topics.WARD_FORECASTS, f.getAreaCode() + ":" + origin, f);
    }
    send(Topics.FORECAST_READY, origin, ForecastReady.newBuilder().setOriginMonth(origin).setDataRevision(1)
        .setModelVersion(FixtureModels.MODEL).setLsoaCount(data.codes.size()).setWardCount(wards.size())
        .setTotalNextMonth(nextMonth).setCreatedAt(Instant.now()).build());
    var evaluation = models.evaluation(o);
    send(Topics.EVALUATIONS, evaluation.getModelVersion() + ":" + evaluation.getKind() + ":" + evaluation.getWindowTo(), evaluation);
    if (o >= data.months.size() - 3) {
      AllocationPlan plan = plans.current(o, currentPlan);
      send(Topics.PLANS, plan.getPlanId(), plan);
      currentPlan = plan;
    }
  }

  private static LsoaProfile profile(LondonData.Area a) {
    double[] i = a.iod;
    double[] c = a.census;
    return LsoaProfile.newBuilder().setLsoa21cd(a.code).setName(a.name).setWardCode(a.wardCode).setWardName(a.wardName)
        .setBoroughCode(a.boroughCode).setBoroughName(a.boroughName).setAreaKm2(a.areaKm2).setPopulation(a.population)
        .setCentroidLat(a.lat).setCentroidLon(a.lon).setNeighbours(new ArrayList<>(a.neighbours))
        .setNeighbourMethod("polygons sharing a vertex (fixture)")
        .setIod(IodScores.newBuilder().setImd(i[0]).setIncome(i[1]).setEmployment(i[2]).setEducation(i[3]).setHealth(i[4])
            .setCrime(i[5]).setHousingBarriers(i[6]).setLivingEnvironment(i[7]).setIdaci(i[8]).setIdaopi(i[9]).build())
        .setCensus(CensusShares.newBuilder().setOwned(c[0]).setSocialRented(c[1]).setPrivateRented(c[2]).setFlats(c[3])
            .setDetached(c[4]).setSemiDetached(c[5]).setTerraced(c[6]).setOvercrowded(c[7]).setHigherOccupations(c[8])
            .setRoutineOccupations(c[9]).setNeverWorked(c[10]).setStudents(c[11]).build())
        .setSources("fixture: lookups/london_lsoa21_ward24_area_km2.csv, iod2019 (mean of 2011 parents), census2021 features, "
            + "lsoa2021 gen20 boundaries (vertex-mean centroid)")
        .build();
  }

  private static String checksum(List<MonthSource> sources) {
    var sha = LondonData.sha256();
    sources.stream().map(MonthSource::getSha256).sorted().forEach(s -> sha.update(s.getBytes()));
    return java.util.HexFormat.of().formatHex(sha.digest());
  }

  @SuppressWarnings("unchecked")
  private <V extends SpecificRecord> void send(TopicSpec<V> spec, String key, Object value) {
    byte[] k = keys.computeIfAbsent(spec.name(), n -> spec.keySerde(registry)).serialize(spec.name(), key);
    var serde = (uk.patrolcast.schemas.serde.AvroSerde<V>) values.computeIfAbsent(spec.name(), n -> spec.valueSerde(registry));
    byte[] v = serde.serialize(spec.name(), (V) value);
    inFlight.add(producer.send(new ProducerRecord<>(spec.name(), k, v)));
    published++;
    if (inFlight.size() >= 20_000) {
      flush();
    }
  }

  private void flush() {
    producer.flush();
    try {
      for (Future<RecordMetadata> f : inFlight) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("The fixture could not publish: " + e.getMessage(), e);
    }
    inFlight.clear();
  }

  @Override
  public void close() {
    if (responder != null) {
      responder.close();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
  }
}
