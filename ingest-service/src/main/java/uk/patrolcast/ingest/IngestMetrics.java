package uk.patrolcast.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import uk.patrolcast.events.RejectionReason;

/**
 * Ingest's counters: on the process-wide Micrometer registry (the /metrics endpoint) and as plain
 * totals for {@code status()} and run.json.
 */
public final class IngestMetrics {
  private final Counter rowsRead;
  private final Counter accepted;
  private final Counter nonBurglary;
  private final Counter otherForce;
  private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
  private final Map<String, Counter> files = new LinkedHashMap<>();
  private final MeterRegistry registry;

  private final AtomicLong totalRows = new AtomicLong();
  private final AtomicLong totalAccepted = new AtomicLong();
  private final AtomicLong totalRejected = new AtomicLong();
  private volatile long filesStarted;
  private volatile long filesEnded;
  private final Map<String, AtomicLong> fileTotals = new java.util.concurrent.ConcurrentHashMap<>();

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    rowsRead = Counter.builder("patrolcast.ingest.rows.read").description("Data rows read from police.uk sources").register(registry);
    accepted = Counter.builder("patrolcast.ingest.records.accepted").description("Records accepted and published").register(registry);
    nonBurglary = Counter.builder("patrolcast.ingest.rows.skipped").tag("why", "non_burglary").description("Rows skipped").register(registry);
    otherForce = Counter.builder("patrolcast.ingest.rows.skipped").tag("why", "other_force").description("Rows skipped").register(registry);
    for (RejectionReason r : RejectionReason.values()) {
      rejected.put(r, Counter.builder("patrolcast.ingest.rows.rejected").tag("reason", r.name()).description("Rows or sources rejected").register(registry));
    }
  }

  void rows(long read, long acceptedRecords, long skippedNonBurglary, long skippedOtherForce) {
    rowsRead.increment(read);
    accepted.increment(acceptedRecords);
    nonBurglary.increment(skippedNonBurglary);
    otherForce.increment(skippedOtherForce);
    totalRows.addAndGet(read);
    totalAccepted.addAndGet(acceptedRecords);
  }

  /** The file phase (reading and publishing sources) starts: records per second are measured over it. */
  void filesStarted() {
    filesStarted = System.nanoTime();
  }

  void filesEnded() {
    filesEnded = System.nanoTime();
  }

  /** Seconds of the file phase so far (or in all, once ended). */
  public double fileSeconds() {
    long start = filesStarted;
    if (start == 0) {
      return 0.0;
    }
    long end = filesEnded == 0 ? System.nanoTime() : filesEnded;
    return (end - start) / 1e9;
  }

  void rejected(RejectionReason reason) {
    rejected.get(reason).increment();
    totalRejected.incrementAndGet();
  }

  /** A file's outcome: ingested, unchanged, refused, ignored. */
  void file(String outcome) {
    files.computeIfAbsent(outcome, o -> Counter.builder("patrolcast.ingest.files").tag("outcome", o).description("Sources by outcome").register(registry))
        .increment();
    fileTotals.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
  }

  public long rowsRead() {
    return totalRows.get();
  }

  public long accepted() {
    return totalAccepted.get();
  }

  public long rejected() {
    return totalRejected.get();
  }

  /** Accepted records per second of the file phase (wall time from its first read to its last commit). */
  public double recordsPerSecond() {
    double seconds = fileSeconds();
    return seconds == 0 ? 0.0 : totalAccepted.get() / seconds;
  }

  public Map<String, Long> files() {
    Map<String, Long> out = new java.util.TreeMap<>();
    fileTotals.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
