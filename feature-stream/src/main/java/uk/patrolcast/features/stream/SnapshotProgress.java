package uk.patrolcast.features.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.features.model.ProgressView;

/**
 * What the stream thread tells the rest of the service: the builder's latest {@link ProgressView},
 * and throughput counters (also exported to Prometheus).
 */
public final class SnapshotProgress {
  private final AtomicReference<ProgressView> view = new AtomicReference<>(ProgressView.EMPTY);
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong firstRecordNanos = new AtomicLong();
  private final AtomicLong lastPublishNanos = new AtomicLong();
  private final Counter recordCounter;
  private final Counter rowCounter;
  private final MeterRegistry metrics;

  public SnapshotProgress(MeterRegistry metrics) {
    this.metrics = metrics;
    this.recordCounter = Counter.builder("patrolcast.features.records")
        .description("Crime records (and tombstones) read by the counting stage").register(metrics);
    this.rowCounter = Counter.builder("patrolcast.features.rows")
        .description("Feature rows published").register(metrics);
  }

  public ProgressView view() {
    return view.get();
  }

  void publish(ProgressView latest) {
    view.set(latest);
  }

  void recordRead() {
    if (records.getAndIncrement() == 0) {
      firstRecordNanos.set(System.nanoTime());
    }
    recordCounter.increment();
  }

  void snapshotPublished(SnapshotCause cause, int rows) {
    lastPublishNanos.set(System.nanoTime());
    rowCounter.increment(rows);
    metrics.counter("patrolcast.features.snapshots", "cause", cause.name()).increment();
  }

  /** Crime records read so far (a record re-read after a crash counts again). */
  public long records() {
    return records.get();
  }

  /** Records read per second from the first record read to the last snapshot published; 0 before. */
  public double recordsPerSecond() {
    long first = firstRecordNanos.get();
    long last = lastPublishNanos.get();
    if (records.get() == 0 || last <= first) {
      return 0;
    }
    return records.get() / ((last - first) / 1e9);
  }
}
