package uk.patrolcast.features;

import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.features.model.MonthProgress;
import uk.patrolcast.features.model.ProgressView;
import uk.patrolcast.features.stream.FeatureTopology;
import uk.patrolcast.features.stream.SnapshotProgress;
import uk.patrolcast.features.stream.SnapshotReadyWatcher;
import uk.patrolcast.features.stream.UnreadableRecordHandler;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.service.ServiceEndpoints;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * The features service: the Kafka Streams feature topology ({@link FeatureTopology}) with
 * exactly-once v2 and RocksDB state under {@code state.dir}/features, a read-committed follower of
 * the SnapshotReady topic for the watermark, and an HTTP endpoint on {@code http.host}:{@code http.port}
 * with the interactive queries ({@code /features/{lsoa}}, {@code /watermark}) beside health and metrics.
 */
public final class FeatureService implements PatrolcastService {
  private static final Logger log = LoggerFactory.getLogger(FeatureService.class);

  private final FeatureConfig config;
  private final SnapshotProgress progress = new SnapshotProgress(ServiceEndpoints.metrics());
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile KafkaStreams streams;
  private volatile SnapshotReadyWatcher watcher;
  private volatile ServiceEndpoints endpoints;

  public FeatureService(FeatureConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "features";
  }

  @Override
  public void start() {
    SchemaRegistry registry = config.schemaRegistry();
    FeatureTopology.Settings settings = config.topologySettings();
    KafkaStreams app = new KafkaStreams(FeatureTopology.build(registry, settings, progress, config.applicationId()), streamsProperties());
    app.setUncaughtExceptionHandler(e -> {
      StreamThreadExceptionResponse response = UnreadableRecordHandler.threadResponse(e);
      if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
        log.warn("A stream thread stopped on a schema registry outage; replacing it (its uncommitted work is read again): {}", e.toString());
        return response;
      }
      log.error("The feature stream failed: {}", e.toString(), e);
      failure.set(e);
      return response;
    });
    streams = app;
    watcher = SnapshotReadyWatcher.start(config.bootstrapServers(), registry, config.applicationId() + "-watermark");
    app.start();
    endpoints = ServiceEndpoints.start(config.httpHost(), config.httpPort(), "features").register(this);
    new FeatureQueries(() -> streams, progress, watcher, registry, settings).register(endpoints.http());
    log.info("Feature stream started (application {}, risk scores {}); queries at {}/features/<lsoa> and {}/watermark",
        config.applicationId(), settings.joinRisk() ? "joined" : "not joined", endpoints.url(), endpoints.url());
  }

  /** The Streams properties the service runs with (also what the floor benchmark gives its stand-in). */
  public Properties streamsProperties() {
    Properties p = KafkaClientConfigs.streams(config.bootstrapServers(), config.applicationId(),
        config.stateDir().resolve("features"), config.topicReplicationFactor());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
    // No store caches: the counting tasks collapse a month's record updates themselves (RecordCounter).
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
    // Most of what this producer writes is internal (repartitions, changelogs) on the same broker:
    // lz4 costs a fraction of zstd's CPU for them.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    return FeatureTopology.withTopologySettings(p);
  }

  @Override
  public boolean alive() {
    KafkaStreams s = streams;
    if (failure.get() != null) {
      return false;
    }
    return s == null || !(s.state() == KafkaStreams.State.ERROR || s.state() == KafkaStreams.State.PENDING_ERROR);
  }

  @Override
  public boolean ready() {
    KafkaStreams s = streams;
    return s != null && s.state() == KafkaStreams.State.RUNNING;
  }

  /** The latest month up to which every month is complete, published and committed. */
  @Override
  public String watermark() {
    YearMonth m = watermarkMonth();
    return m == null ? null : Months.format(m);
  }

  private YearMonth watermarkMonth() {
    SnapshotReadyWatcher w = watcher;
    return w == null ? null : progress.view().watermark(w.committedRevisions());
  }

  /** Crime records read per second, from the first record to the last snapshot published. */
  public double recordsPerSecond() {
    return progress.recordsPerSecond();
  }

  /** The base URL of the query and health endpoints, once started. */
  public String url() {
    return endpoints == null ? null : endpoints.url();
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    KafkaStreams app = streams;
    ProgressView view = progress.view();
    s.put("state", app == null ? "NOT_STARTED" : app.state().name());
    s.put("watermark", watermark());
    s.put("closedMonths", view.months().size());
    s.put("completeMonths", view.months().stream().filter(MonthProgress::complete).count());
    s.put("pendingMonths", view.months().stream().filter(m -> m.pending() != null).count());
    s.put("universeSize", view.universeSize());
    s.put("records", progress.records());
    s.put("recordsPerSecond", Math.round(progress.recordsPerSecond()));
    s.put("http", url());
    if (failure.get() != null) {
      s.put("error", failure.get().toString());
    }
    return s;
  }

  @Override
  public void close() {
    if (endpoints != null) {
      endpoints.close();
    }
    KafkaStreams app = streams;
    if (app != null) {
      app.close(Duration.ofSeconds(30));
    }
    if (watcher != null) {
      watcher.close();
    }
  }
}
