package uk.patrolcast.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.ingest.api.ApiIngestion;
import uk.patrolcast.ingest.api.PoliceApiClient;
import uk.patrolcast.ingest.publish.PublishedState;
import uk.patrolcast.ingest.publish.SourcePublisher;
import uk.patrolcast.ingest.reference.LsoaProfiles;
import uk.patrolcast.ingest.reference.ReferenceData;
import uk.patrolcast.ingest.rows.StreetSourceReader;
import uk.patrolcast.ingest.source.PoliceSource;
import uk.patrolcast.ingest.source.SourceScanner;
import uk.patrolcast.ingest.source.SourceStamps;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.service.ServiceEndpoints;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * The ingest service: reference data, then police.uk files month by month (and, when enabled, the
 * police.uk API) into Kafka. {@link #start()} scans the sources (so {@link #lastInputMonth()} is known
 * when it returns) and leaves the work to one thread: read back what is already published, publish
 * the LSOA profiles, then one transaction per source in month order.
 */
public final class IngestService implements PatrolcastService {
  private static final Logger log = LoggerFactory.getLogger(IngestService.class);

  private final IngestConfig config;
  private final SourcePublisher.AfterSend afterSend;
  private final IngestMetrics metrics = new IngestMetrics(ServiceEndpoints.metrics());
  private volatile IngestPlan plan;
  private volatile PublishedState state;
  private volatile String phase = "created";
  private volatile String failure;
  private volatile boolean filesDone;
  private volatile boolean stopping;
  private volatile List<String> unclosed = List.of();
  private volatile long startedNanos;
  private Thread worker;
  private SourcePublisher publisher;
  private volatile ApiIngestion api;

  public IngestService(IngestConfig config) {
    this(config, (p, n) -> {});
  }

  /** @param afterSend hook after every send (tests use it to crash in the middle of a source) */
  public IngestService(IngestConfig config, SourcePublisher.AfterSend afterSend) {
    this.config = config;
    this.afterSend = afterSend;
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void start() {
    if (!config.hasDataDir()) {
      // `up` without --data: nothing to read reference data or files from; stay idle and healthy.
      log.warn("No data directory configured (data.dir): ingest stays idle");
      phase = "idle: no data directory";
      state = PublishedState.empty();
      return;
    }
    DataLayout data = new DataLayout(config.dataDir());
    SourceScanner.Scan scan = SourceScanner.scan(config.sources(data.police()), data.root(), config.archiveLimits());
    plan = IngestPlan.of(scan, config.forces(), config.until(), config.currentMonth(), Instant.now());
    log.info("Found {} sources over {} months (last {}), {} refused, {} ignored", plan.sourceCount(), plan.months().size(),
        plan.lastMonth(), plan.refusals().size(), plan.ignored());
    startedNanos = System.nanoTime();
    phase = "starting";
    worker = new Thread(() -> work(data), "patrolcast-ingest");
    worker.setDaemon(true);
    worker.start();
  }

  private void work(DataLayout data) {
    boolean ended = false;
    try {
      SchemaRegistry registry = config.schemaRegistry();
      phase = "reading published state";
      state = PublishedState.read(config.bootstrapServers(), registry);
      publisher = new SourcePublisher(config.bootstrapServers(), registry, config.transactionalId(), afterSend);
      phase = "publishing reference data";
      ReferenceData reference = ReferenceData.load(data);
      List<LsoaProfile> profiles = LsoaProfiles.build(data, reference.universe(), reference.lookup(), reference.boundaries());
      ProfilePublication.publish(config.bootstrapServers(), registry, publisher, profiles);
      phase = "ingesting files";
      StreetSourceReader reader = new StreetSourceReader(reference.harmoniser(), config.maxLineBytes(), config.currentMonth());
      SourceIngestion ingestion = new SourceIngestion(reader, publisher, state, config.forces(), metrics, profiles.size());
      for (RejectedRecord refusal : plan.refusals()) {
        ingestion.refuse(refusal);
      }
      metrics.filesStarted();
      ingestSources(ingestion, plan.sources());
      metrics.filesEnded();
      unclosed = plan.months().keySet().stream().map(Months::format).filter(m -> state.closed(m) == null).toList();
      filesDone = true;
      log.info("Files done: {} rows read, {} records accepted, {} rejected, {} records/s; watermark {}", metrics.rowsRead(),
          metrics.accepted(), metrics.rejected(), Math.round(metrics.recordsPerSecond()), state.watermark());
      if (!unclosed.isEmpty()) {
        String message = "Months that cannot close (a configured force's source is missing or was refused): " + unclosed;
        if (config.runMode()) {
          failure = message;
          phase = "failed";
          log.error(message);
          return;
        }
        log.warn(message);
      }
      if (!config.runMode() && !stopping) {
        if (config.apiEnabled()) {
          api = ApiIngestion.create(config, data, reference, publisher, state, profiles.size());
        }
        phase = "watching for new sources" + (api == null ? "" : " and polling the police.uk API");
        keepIngesting(ingestion, data);
      }
      phase = "idle";
      ended = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      phase = "stopped";
    } catch (RuntimeException e) {
      if (stopping) {
        phase = "stopped";
        return;
      }
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
      phase = "failed";
      log.error("Ingest failed: {}", failure, e);
    } finally {
      if (!ended && failure == null && !stopping && !"stopped".equals(phase)) {
        failure = "The ingest thread ended unexpectedly in phase '" + phase + "'";
        phase = "failed";
      }
    }
  }

  /**
   * Sources in month order. They are read on {@code ingest.read.threads} threads ahead of publishing
   * (reading is CPU work; publishing mostly waits for the broker), and published strictly in order:
   * the sources read by the time the previous transaction committed go together into the next one
   * (each whole, up to {@code ingest.transaction.max.sources}), so one commit's wait serves them all.
   * With a pace, a transaction ends with its month, and the pause follows.
   */
  private void ingestSources(SourceIngestion ingestion, List<PoliceSource> ordered) throws InterruptedException {
    Duration pace = config.pace();
    int maxSources = config.transactionMaxSources();
    int threads = config.readThreads();
    try (ReadAhead<PoliceSource, SourceIngestion.Prepared> ahead = new ReadAhead<>(ordered, ingestion::read, threads, maxSources + threads)) {
      int next = 0;
      while (ahead.hasNext() && !stopping) {
        List<SourceIngestion.Prepared> group = new ArrayList<>();
        group.add(ahead.next());
        next++;
        while (group.size() < maxSources && ahead.ready() && (pace.isZero() || !monthEnds(ordered, next - 1))) {
          group.add(ahead.next());
          next++;
        }
        ingestion.publish(group);
        if (!pace.isZero() && monthEnds(ordered, next - 1)) {
          Thread.sleep(pace.toMillis());
        }
      }
    }
  }

  /** Whether the source at {@code i} is the last of its month (and another month follows). */
  private static boolean monthEnds(List<PoliceSource> ordered, int i) {
    return i + 1 < ordered.size() && !ordered.get(i + 1).month().equals(ordered.get(i).month());
  }

  /**
   * {@code up} mode after the first pass: police.uk publishes a month at a time, so look at the
   * sources again every {@code ingest.watch.interval} and ingest what is new or changed (a changed
   * file is a correction); between looks, poll the API when it is enabled. One thread does both,
   * so transactions never interleave.
   */
  private void keepIngesting(SourceIngestion ingestion, DataLayout data) throws InterruptedException {
    Duration every = config.watchInterval();
    Map<String, String> seen = SourceStamps.of(plan.sources(), data.root());
    Set<String> refused = new HashSet<>();
    plan.refusals().forEach(r -> refused.add(r.getSource()));
    long nextApiPoll = System.nanoTime();
    while (!stopping) {
      if (!every.isZero()) {
        IngestPlan latest = IngestPlan.of(SourceScanner.scan(config.sources(data.police()), data.root(), config.archiveLimits()),
            config.forces(), config.until(), config.currentMonth(), Instant.now());
        List<PoliceSource> fresh = SourceStamps.changed(latest.sources(), data.root(), seen);
        for (RejectedRecord refusal : latest.refusals()) {
          if (refused.add(refusal.getSource())) {
            ingestion.refuse(refusal);
          }
        }
        if (!fresh.isEmpty()) {
          log.info("New or changed sources: {}", fresh.stream().map(PoliceSource::name).toList());
          plan = latest;
          ingestSources(ingestion, fresh);
          seen = SourceStamps.of(latest.sources(), data.root());
        }
      }
      if (api != null && System.nanoTime() >= nextApiPoll) {
        try {
          api.poll();
        } catch (PoliceApiClient.ApiFailure e) {
          log.warn("police.uk API poll failed, next try in {}: {}", config.apiInterval(), e.getMessage());
        }
        nextApiPoll = System.nanoTime() + config.apiInterval().toNanos();
      }
      long sleepUntil = System.nanoTime() + (every.isZero() ? Duration.ofSeconds(1) : every).toNanos();
      while (!stopping && System.nanoTime() < sleepUntil) {
        Thread.sleep(Math.min(200, Math.max(1, (sleepUntil - System.nanoTime()) / 1_000_000)));
      }
    }
  }

  @Override
  public boolean alive() {
    return failure == null;
  }

  @Override
  public boolean ready() {
    return failure == null && state != null;
  }

  @Override
  public String watermark() {
    PublishedState s = state;
    return s == null ? null : s.watermark();
  }

  /**
   * The latest input month (after any {@code --until} limit), known once {@link #start()} has scanned
   * the sources; null when there is none.
   */
  public String lastInputMonth() {
    IngestPlan p = plan;
    return p == null ? null : p.lastMonth();
  }

  /** The earliest input month, known once {@link #start()} has scanned the sources; null when there is none. */
  public String firstInputMonth() {
    IngestPlan p = plan;
    return p == null ? null : p.firstMonth();
  }

  /** Whether every file source has been processed (the API may still poll). */
  public boolean filesDone() {
    return filesDone;
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("implemented", true);
    s.put("phase", phase);
    s.put("bootstrap", config.bootstrapServers());
    s.put("last_input_month", lastInputMonth());
    s.put("watermark", watermark());
    s.put("files_done", filesDone);
    s.put("rows_read", metrics.rowsRead());
    s.put("accepted", metrics.accepted());
    s.put("rejected", metrics.rejected());
    s.put("records_per_s", Math.round(metrics.recordsPerSecond()));
    s.put("files", metrics.files());
    s.put("elapsed_s", startedNanos == 0 ? 0 : Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0);
    if (!unclosed.isEmpty()) {
      s.put("unclosed_months", unclosed);
    }
    if (failure != null) {
      s.put("failure", failure);
    }
    return s;
  }

  @Override
  public void close() {
    stopping = true;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (publisher != null) {
      publisher.close();
    }
  }
}
