package uk.patrolcast.forecast;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.EvaluationKind;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.ModelRole;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.forecast.data.FeatureStore;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.eval.Backtest;
import uk.patrolcast.forecast.eval.MetricValues;
import uk.patrolcast.forecast.kafka.ForecastPublisher;
import uk.patrolcast.forecast.kafka.ForecastRecords;
import uk.patrolcast.forecast.model.ChampionChallenger;
import uk.patrolcast.forecast.model.ForecastSet;
import uk.patrolcast.forecast.model.Forecaster;
import uk.patrolcast.forecast.model.ModelStore;
import uk.patrolcast.forecast.model.RollingOriginValidation;
import uk.patrolcast.forecast.model.TrainedModel;
import uk.patrolcast.forecast.risk.RiskFit;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.kafka.CatchUp;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.platform.kafka.TopicPartitions;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.platform.service.ServiceEndpoints;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.RegistryOutage;
import uk.patrolcast.schemas.registry.SchemaRegistryException;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * The forecast service's consumer loop: reads the feature and reference topics into the
 * {@link FeatureStore}, starts training in the background when the {@link ForecastSchedule} says so,
 * adopts finished models (champion/challenger in up mode), and forecasts each origin as its snapshot
 * completes, publishing everything of an origin in one transaction. Only this thread touches the
 * store, the champion and the publisher; training works on an immutable table.
 */
final class ForecastLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ForecastLoop.class);
  /** Origins whose forecasts are kept to be scored later (about 1.5 MB each). */
  private static final int ARCHIVE_LIMIT = 24;

  private final ForecastConfig config;
  private final SchemaRegistry registry;
  private final ModelStore store;
  private final ForecastSchedule schedule;
  private final TrainingJob trainingJob;
  private final Forecaster forecaster;
  private final Forecaster meansOnly;
  private final FeatureStore features = new FeatureStore();
  private final Map<YearMonth, ForecastSchedule.Published> published = new HashMap<>();
  private final TreeMap<YearMonth, ForecastSet> archive = new TreeMap<>();
  private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "forecast-training");
    t.setDaemon(true);
    return t;
  });
  private final Timer refreshTimer = Timer.builder("patrolcast.forecast.refresh").description("Forecast of one origin, all areas, 12 horizons")
      .register(ServiceEndpoints.metrics());

  private volatile boolean running = true;
  private volatile String watermark;
  /** Why no model can be trained yet (too little history), or null. */
  private volatile String waitingForHistory;
  private volatile String failure;
  private volatile String state = "starting";
  /** Whether the topics have been read up to their ends at start; nothing is trained or published before. */
  private volatile boolean caughtUp;
  private volatile TrainedModel champion;
  private Future<TrainingJob.Outcome> training;
  private YearMonth lastAttempt;
  private long lastSnapshotNanos = System.nanoTime();
  private volatile FeatureTable table;
  private volatile int originsPublished;
  private volatile int badRecords;
  /**
   * After a restart: the origin announced last before it, whose drivers (published in a transaction
   * after its announcement) may have been lost to the crash; explained again once the model and the
   * month are back. Null when there is none.
   */
  private YearMonth maybeUnexplained;

  ForecastLoop(ForecastConfig config, SchemaRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.store = new ModelStore(config.stateDir().resolve("forecast").resolve("models"));
    this.schedule = new ForecastSchedule(config.runMode(), config.trainUntil(), config.retrainEveryMonths(), config.settleMillis(),
        config.backtestMonths());
    this.trainingJob = new TrainingJob(config);
    this.forecaster = new Forecaster(config.topDrivers());
    this.meansOnly = new Forecaster(0);
  }

  @Override
  public void run() {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
            KafkaClientConfigs.consumer(config.bootstrapServers(), "patrolcast-forecast-" + config.instanceId(), null),
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ForecastPublisher publisher = new ForecastPublisher(config.bootstrapServers(), registry,
            "patrolcast-forecast-" + config.instanceId())) {
      restore();
      CatchUp start = assignFromStart(consumer);
      state = "reading the feature topics";
      AvroSerde<LsoaProfile> profiles = Topics.LSOA_PROFILES.valueSerde(registry);
      AvroSerde<LsoaMonthFeatures> rows = Topics.FEATURES.valueSerde(registry);
      AvroSerde<SnapshotReady> ready = Topics.SNAPSHOT_READY.valueSerde(registry);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          dispatch(r, profiles, rows, ready);
        }
        if (!caughtUp) {
          // Training or forecasting from a partly read topic (a restart) would differ from an uninterrupted run.
          if (!start.reached(consumer)) {
            continue;
          }
          caughtUp = true;
          state = champion == null ? "waiting for snapshots" : "serving";
          log.info("Read the feature topics up to their ends at start");
        }
        step(publisher);
      }
    } catch (Exception e) {
      if (running) {
        failure = e.toString();
        log.error("The forecast service stopped: {}", e.toString(), e);
      }
    } finally {
      trainer.shutdownNow();
      TrainedModel c = champion;
      if (c != null) {
        c.close();
      }
      archive.clear();
    }
  }

  /** The champion saved under state.dir (up mode) and what was already published (a restart). */
  private void restore() {
    if (!config.runMode()) {
      store.champion().ifPresent(v -> {
        champion = store.load(v, config.trainerSettings().threads());
        log.info("Loaded champion {} (trained up to {}) from {}", v, Months.format(champion.trainUntil()), store.root());
      });
    }
    ForecastReady[] lastAnnounced = {null};
    TopicReader.latest(config.bootstrapServers(), registry, Topics.FORECAST_READY).forEach((k, v) -> {
      published.put(Months.parse(v.getOriginMonth()), new ForecastSchedule.Published(v.getDataRevision(), v.getModelVersion()));
      if (lastAnnounced[0] == null || v.getCreatedAt().isAfter(lastAnnounced[0].getCreatedAt())) {
        lastAnnounced[0] = v;
      }
    });
    // Origins are published one after the other, means then drivers: only the last one announced can
    // lack its drivers after a crash.
    maybeUnexplained = lastAnnounced[0] == null || config.topDrivers() == 0 ? null : Months.parse(lastAnnounced[0].getOriginMonth());
    published.keySet().stream().max(YearMonth::compareTo).ifPresent(m -> watermark = Months.format(m));
  }

  private void dispatch(ConsumerRecord<byte[], byte[]> r, AvroSerde<LsoaProfile> profiles, AvroSerde<LsoaMonthFeatures> rows,
      AvroSerde<SnapshotReady> ready) {
    if (r.value() == null) {
      return;
    }
    try {
      // A registry outage is not a bad record: the read waits until the registry answers.
      if (r.topic().equals(Topics.FEATURES.name())) {
        features.accept(RegistryOutage.readValue(rows, r, () -> running));
      } else if (r.topic().equals(Topics.SNAPSHOT_READY.name())) {
        features.accept(RegistryOutage.readValue(ready, r, () -> running));
      } else if (r.topic().equals(Topics.LSOA_PROFILES.name())) {
        features.accept(RegistryOutage.readValue(profiles, r, () -> running));
      }
    } catch (RuntimeException e) {
      if (SchemaRegistryException.isUnavailable(e)) {
        throw e; // only when stopping: the record stays unread, not skipped
      }
      // A record we cannot read must not stop forecasting; it is counted and shown in status.
      badRecords++;
      log.warn("Skipped unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
    }
  }

  private void step(ForecastPublisher publisher) throws Exception {
    if (!features.drainCompleted().isEmpty()) {
      table = features.table();
      lastSnapshotNanos = System.nanoTime();
    }
    if (training != null && training.isDone()) {
      TrainingJob.Outcome outcome;
      try {
        outcome = training.get();
      } catch (java.util.concurrent.ExecutionException e) {
        training = null;
        String message = "Training up to " + Months.format(lastAttempt) + " failed: " + e.getCause().getMessage();
        if (config.runMode()) {
          throw new IllegalStateException(message, e.getCause());
        }
        log.error(message, e.getCause());
        state = champion == null ? "training failed" : "serving";
        return;
      }
      training = null;
      adopt(outcome, publisher);
    }
    long sinceSnapshot = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastSnapshotNanos);
    YearMonth cutoff = schedule.trainingCutoff(table, champion == null ? null : champion.trainUntil(), lastAttempt, training != null,
        sinceSnapshot);
    if (cutoff != null) {
      lastAttempt = cutoff;
      String shortfall = shortfall(table, cutoff);
      waitingForHistory = shortfall;
      if (shortfall != null) {
        // A short history is a state, not a failure: in up mode later months may bring enough; in run
        // mode nothing more comes, and the status says this service will publish nothing.
        if (champion == null) {
          state = "waiting for history";
        }
        log.warn("{}: no {} model{}", shortfall, champion == null ? "first" : "challenger",
            config.runMode() ? " in this run" : " until enough months are complete");
      } else {
        FeatureTable snapshot = table.upTo(cutoff);
        TrainedModel current = champion;
        state = "training up to " + Months.format(cutoff);
        log.info("Training a {} model on complete snapshots up to {}", current == null ? "first" : "challenger", Months.format(cutoff));
        training = trainer.submit(() -> trainingJob.train(snapshot, cutoff, current));
      }
    }
    if (champion != null && explainAfterRestart(publisher)) {
      YearMonth first = config.runMode() ? config.trainUntil() : champion.trainUntil();
      for (YearMonth origin : schedule.origins(table, first, published, champion.version())) {
        publishOrigin(origin, publisher);
      }
    }
  }

  /**
   * The last origin announced before a restart, explained again when its published forecasts came
   * from this model and the data it holds now (otherwise it is forecast again, drivers included). The
   * same means, so the same drivers: the latest record of each key is what it would have been
   * without the crash. Done before any other origin is announced, so that only the last announced
   * origin can ever lack its drivers, whatever the crash interrupts (this one included). False while
   * the month is not back in the table yet (nothing else is published until it is).
   */
  private boolean explainAfterRestart(ForecastPublisher publisher) {
    YearMonth origin = maybeUnexplained;
    if (origin == null) {
      return true;
    }
    if (table == null || table.lastMonth().isBefore(origin)) {
      return false;
    }
    ForecastSchedule.Published p = published.get(origin);
    if (p != null && p.modelVersion().equals(champion.version()) && p.dataRevision() == table.revision(origin)) {
      FeatureTable known = table.upTo(origin);
      explain(origin, champion, known, meansOnly.forecast(champion, known), publisher);
    } else {
      log.info("Origin {} announced before the restart is forecast again (model or data changed), drivers included", Months.format(origin));
    }
    maybeUnexplained = null;
    return true;
  }

  /** A finished training: publish the model's records, and make it the champion if it is the first or won. */
  private void adopt(TrainingJob.Outcome o, ForecastPublisher publisher) {
    TrainedModel model = o.model();
    ChampionChallenger.Decision decision = o.decision();
    boolean becomesChampion = decision == null || decision.promoted();
    Instant now = Instant.now();
    List<ModelEvaluation> evaluations = new ArrayList<>();
    evaluations.add(ForecastRecords.evaluation(model, EvaluationKind.VALIDATION, becomesChampion ? ModelRole.CHAMPION : ModelRole.CHALLENGER,
        null, null, model.validationFrom(), model.validationTo(), model.validation(), now));
    if (decision != null) {
      evaluations.add(ForecastRecords.evaluation(champion, EvaluationKind.CHALLENGE, ModelRole.CHAMPION, null, decision.reason(),
          decision.windowFrom(), decision.windowTo(), decision.championMetrics(), now));
      evaluations.add(ForecastRecords.evaluation(model, EvaluationKind.CHALLENGE, ModelRole.CHALLENGER, decision.promoted(), decision.reason(),
          decision.windowFrom(), decision.windowTo(), decision.challengerMetrics(), now));
      log.info("{}", decision.reason());
    }
    RiskFit risk = o.risk();
    String riskVersion = ForecastRecords.riskVersion(risk);
    publisher.inTransaction(() -> {
      if (becomesChampion) {
        publisher.send(Topics.RISK_MODELS, riskVersion, ForecastRecords.riskModel(risk, riskVersion, now));
        for (RiskScore s : ForecastRecords.riskScores(risk, o.areas(), riskVersion)) {
          publisher.send(Topics.RISK_SCORES, s.getLsoa21cd(), s);
        }
      }
      for (ModelEvaluation e : evaluations) {
        publisher.send(Topics.EVALUATIONS, ForecastRecords.evaluationKey(e), e);
      }
    });
    store.save(model, config.trainerSettings().threads());
    if (becomesChampion) {
      store.setChampion(model.version());
      TrainedModel old = champion;
      champion = model;
      archive.clear();
      if (old != null) {
        old.close();
      }
    } else {
      model.close();
    }
    state = "serving";
  }

  private void publishOrigin(YearMonth origin, ForecastPublisher publisher) {
    long t0 = System.nanoTime();
    TrainedModel model = champion;
    FeatureTable known = table.upTo(origin);
    // The means, intervals and ward sums first, with ForecastReady, so that the plan follows at once;
    // the SHAP drivers (most of a refresh's cost) come after, below.
    ForecastSet set = meansOnly.forecast(model, known);
    if (origin.equals(maybeUnexplained)) {
      maybeUnexplained = null; // forecast again here, drivers included
    }
    YearMonth first = config.runMode() ? config.trainUntil() : model.trainUntil();
    refillArchive(model, first, origin);
    archive.put(origin, set.withoutDrivers());
    while (archive.size() > ARCHIVE_LIMIT) {
      archive.pollFirstEntry();
    }
    List<MetricValues> metrics = Backtest.score(archive, first, table.upTo(origin).counts());
    Instant now = Instant.now();
    ModelEvaluation evaluation = metrics.isEmpty() ? null : ForecastRecords.evaluation(model,
        config.runMode() ? EvaluationKind.BACKTEST : EvaluationKind.LIVE, ModelRole.CHAMPION, null, null, first.plusMonths(1), origin, metrics,
        now);
    publisher.inTransaction(() -> {
      for (Forecast f : ForecastRecords.lsoaForecasts(set, now)) {
        publisher.send(Topics.LSOA_FORECASTS, ForecastRecords.forecastKey(f.getAreaCode(), origin), f);
      }
      for (Forecast f : ForecastRecords.wardForecasts(set, now)) {
        publisher.send(Topics.WARD_FORECASTS, ForecastRecords.forecastKey(f.getAreaCode(), origin), f);
      }
      if (evaluation != null) {
        publisher.send(Topics.EVALUATIONS, ForecastRecords.evaluationKey(evaluation), evaluation);
      }
      ForecastReady ready = ForecastRecords.ready(set, now);
      publisher.send(Topics.FORECAST_READY, Months.format(origin), ready);
    });
    published.put(origin, new ForecastSchedule.Published(set.dataRevision(), model.version()));
    originsPublished = published.size();
    String current = watermark;
    if (current == null || Months.parse(current).isBefore(origin)) {
      watermark = Months.format(origin);
    }
    long nanos = System.nanoTime() - t0;
    refreshTimer.record(nanos, TimeUnit.NANOSECONDS);
    log.info("Published forecasts of origin {} (revision {}, {} areas, {} wards, model {}) in {} ms", Months.format(origin), set.dataRevision(),
        set.areas().size(), set.wards().size(), model.version(), TimeUnit.NANOSECONDS.toMillis(nanos));
    if (config.topDrivers() > 0) {
      explain(origin, model, known, set, publisher);
    }
  }

  /**
   * The same LSOA forecasts again (the means published, from this model and data), now with their
   * top drivers; the latest record of each key carries both. ForecastReady is not repeated.
   */
  private void explain(YearMonth origin, TrainedModel model, FeatureTable known, ForecastSet means, ForecastPublisher publisher) {
    long t1 = System.nanoTime();
    ForecastSet explained = forecaster.explain(model, known, means);
    Instant at = Instant.now();
    publisher.inTransaction(() -> {
      for (Forecast f : ForecastRecords.lsoaForecasts(explained, at)) {
        publisher.send(Topics.LSOA_FORECASTS, ForecastRecords.forecastKey(f.getAreaCode(), origin), f);
      }
    });
    log.info("Published the drivers of origin {} in {} ms", Months.format(origin), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));
  }

  /**
   * After a restart the archive (in memory) lacks the origins published before it, so the backtest
   * would score fewer of them than an uninterrupted run: forecast again (means only, deterministic)
   * the recent origins this model published from the data held now.
   */
  private void refillArchive(TrainedModel model, YearMonth first, YearMonth origin) {
    for (YearMonth m = origin.minusMonths(ARCHIVE_LIMIT); m.isBefore(origin); m = m.plusMonths(1)) {
      ForecastSchedule.Published p = published.get(m);
      if (m.isBefore(first) || archive.containsKey(m) || p == null || !p.modelVersion().equals(model.version())
          || m.isBefore(table.firstMonth()) || p.dataRevision() != table.revision(m)) {
        continue;
      }
      archive.put(m, meansOnly.forecast(model, table.upTo(m)).withoutDrivers());
      log.info("Archived origin {} again (published before a restart) for the backtest", Months.format(m));
    }
  }

  private CatchUp assignFromStart(KafkaConsumer<byte[], byte[]> consumer) {
    List<TopicPartition> partitions =
        TopicPartitions.of(consumer, Topics.LSOA_PROFILES.name(), Topics.FEATURES.name(), Topics.SNAPSHOT_READY.name());
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return CatchUp.of(consumer, partitions);
  }

  /** Why the history cannot train a model up to {@code cutoff}, naming the backtest months when they move the cut-off back; or null. */
  private String shortfall(FeatureTable t, YearMonth cutoff) {
    String s = RollingOriginValidation.historyShortfall(t, cutoff, config.trainerSettings().scheme());
    if (s != null && champion == null && !config.runMode() && config.trainUntil() == null && config.backtestMonths() > 0) {
      s += " (the first model is trained " + config.backtestMonths() + " months before the latest complete month, "
          + ForecastConfig.BACKTEST_MONTHS + ", so that those months get out-of-sample forecasts)";
    }
    return s;
  }

  void stop() {
    running = false;
  }

  String watermark() {
    return watermark;
  }

  String failure() {
    return failure;
  }

  Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("mode", config.runMode() ? "run" : "up");
    s.put("state", state);
    s.put("caughtUp", caughtUp);
    TrainedModel c = champion;
    s.put("model", c == null ? null : c.version());
    s.put("trainUntil", c == null ? null : Months.format(c.trainUntil()));
    FeatureTable t = table;
    s.put("lastCompleteMonth", t == null ? null : Months.format(t.lastMonth()));
    s.put("watermark", watermark);
    s.put("originsPublished", originsPublished);
    s.put("unreadableRecords", badRecords);
    String waiting = waitingForHistory;
    if (c == null && !config.runMode() && t != null) {
      // Under up mode the history grows: what counts is whether the months held now are enough.
      waiting = shortfall(t, schedule.firstCutoff(t.lastMonth()));
    }
    // Read by orchestration (patrolcast run, bench): false while no model can be trained, so nothing waits for forecasts.
    s.put("publishes", waiting == null || c != null);
    if (waiting != null) {
      s.put("waiting", waiting);
    }
    if (failure != null) {
      s.put("failure", failure);
    }
    return s;
  }
}
