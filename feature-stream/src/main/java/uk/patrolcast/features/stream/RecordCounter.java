package uk.patrolcast.features.stream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.features.model.PartitionCounts;

/**
 * The counting stage of one partition of {@code crime.records.v1}: keeps every live record's cell in
 * the records table (by record key: a record seen twice counts once, a tombstone or an unreadable
 * version retracts it, a correction moves it), and the partition's {@link PartitionCounts} beside it.
 * Every {@code flushMillis} it forwards the buckets that changed, keyed {@code <bucket>:<month>/<partition>},
 * for the snapshot builder to sum across partitions: no repartition of the records by area.
 *
 * <p>The partial counts are derived state, not stored: at every start they are rebuilt from the
 * records table (restored to the last commit) and all forwarded again, followed by the list of every
 * part held ({@link BuilderInput.PartsHeld}). That covers the records whose table writes were
 * committed before the punctuation that would have forwarded their buckets, including buckets that
 * emptied then: the builder ignores a bucket that did not change and empties one no longer held.
 */
final class RecordCounter implements Processor<Bytes, RecordCell, Void, Void> {
  private static final Logger log = LoggerFactory.getLogger(RecordCounter.class);

  private final long flushMillis;
  private ProcessorContext<String, BuilderInput> context;
  private KeyValueStore<Bytes, RecordCell> records;
  private PartitionCounts counts;
  private int partition;
  /** Whether the next flush ends with the keys of every part held ({@link BuilderInput.PartsHeld}). */
  private boolean announce;

  RecordCounter(long flushMillis) {
    this.flushMillis = flushMillis;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void init(ProcessorContext<Void, Void> context) {
    // Streams types the processor of a read-only store as one that forwards nothing; this one's sink
    // child (the builder's input topic) takes the partial buckets.
    this.context = (ProcessorContext) context;
    records = context.getStateStore(FeatureTopology.RECORDS_STORE);
    partition = context.taskId().partition();
    counts = new PartitionCounts();
    long started = System.nanoTime();
    long n = 0;
    try (KeyValueIterator<Bytes, RecordCell> it = records.all()) {
      while (it.hasNext()) {
        KeyValue<Bytes, RecordCell> kv = it.next();
        if (kv.value != null) {
          counts.add(kv.value.lsoa(), kv.value.month(), kv.value.contentHash());
          n++;
        }
      }
    }
    counts.markAllChanged();
    announce = true;
    log.info("Counting task {} rebuilt its counts from {} live records in {} ms", context.taskId(), n,
        (System.nanoTime() - started) / 1_000_000);
    context.schedule(Duration.ofMillis(flushMillis), PunctuationType.WALL_CLOCK_TIME, this::flush);
  }

  @Override
  public void process(Record<Bytes, RecordCell> record) {
    if (record.key() == null) {
      log.warn("Crime record without a key not counted (a record is identified by its key)");
      return;
    }
    RecordCell before = records.get(record.key());
    RecordCell after = record.value();
    if (Objects.equals(before, after)) {
      return; // seen before as it is (a re-delivery or a repeated publication)
    }
    if (after == null) {
      records.delete(record.key());
    } else {
      records.put(record.key(), after);
    }
    if (before != null) {
      counts.remove(before.lsoa(), before.month(), before.contentHash());
    }
    if (after != null) {
      counts.add(after.lsoa(), after.month(), after.contentHash());
    }
  }

  private void flush(long now) {
    for (PartitionCounts.Changed c : counts.drainChanged()) {
      context.forward(new Record<>(RecordCell.partialKey(c.bucket(), c.month(), partition), new BuilderInput.Cells(c.cells()), now));
    }
    if (announce) {
      // In the same transaction as the parts just sent: the builder empties any other part of this partition.
      List<String> keys = counts.held().stream().map(h -> RecordCell.partialKey(h.bucket(), h.month(), partition)).toList();
      context.forward(new Record<>("held/" + partition, new BuilderInput.PartsHeld(partition, keys), now));
      announce = false;
    }
  }
}
