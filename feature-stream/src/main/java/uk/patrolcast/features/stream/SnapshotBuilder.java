package uk.patrolcast.features.stream;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.model.CellBucket;
import uk.patrolcast.features.model.CellCount;
import uk.patrolcast.features.model.MonthState;
import uk.patrolcast.features.model.SnapshotBook;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * The single snapshot-builder task: keeps the {@link SnapshotBook}'s state in persistent stores
 * (cells, months, profiles, risk scores; restored into memory on start), feeds it every input, and
 * forwards the rows and SnapshotReady events it decides to publish. Everything forwarded while
 * handling one input goes out in the same exactly-once transaction as the state change that caused
 * it.
 */
final class SnapshotBuilder implements Processor<String, BuilderInput, String, SpecificRecord> {
  private static final Logger log = LoggerFactory.getLogger(SnapshotBuilder.class);

  private final FeatureTopology.Settings settings;
  private final SnapshotProgress progress;
  private final AvroSerde<MonthClosed> closedSerde;
  private final AvroSerde<LsoaProfile> profileSerde;
  private final AvroSerde<RiskScore> riskSerde;

  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, CellBucket> cells;
  private KeyValueStore<String, MonthState> months;
  private KeyValueStore<String, byte[]> profiles;
  private KeyValueStore<String, byte[]> risks;
  private SnapshotBook book;
  private long timestamp;

  SnapshotBuilder(FeatureTopology.Settings settings, SnapshotProgress progress, FeatureTopology.Codecs codecs) {
    this.settings = settings;
    this.progress = progress;
    this.closedSerde = codecs.closed();
    this.profileSerde = codecs.profile();
    this.riskSerde = codecs.risk();
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    cells = context.getStateStore(FeatureTopology.CELLS_STORE);
    months = context.getStateStore(FeatureTopology.MONTHS_STORE);
    profiles = context.getStateStore(FeatureTopology.PROFILES_STORE);
    risks = context.getStateStore(FeatureTopology.RISK_STORE);
    book = restore();
    progress.publish(book.progress());
    context.schedule(Duration.ofMillis(settings.punctuateMillis()), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
  }

  /** Rebuilds the book from the stores (after a restart or a rebalance): no decisions, no output. */
  private SnapshotBook restore() {
    long started = System.nanoTime();
    SnapshotBook restored = new SnapshotBook(settings.joinRisk(), settings.profileQuietMillis(), settings.firstMonth());
    int n = 0;
    try (KeyValueIterator<String, CellBucket> it = cells.all()) {
      while (it.hasNext()) {
        KeyValue<String, CellBucket> kv = it.next();
        YearMonth month = RecordCell.bucketMonth(kv.key);
        for (int i = 0; i < kv.value.size(); i++) {
          restored.restoreCell(kv.value.area(i), month, kv.value.cell(i));
          n++;
        }
      }
    }
    try (KeyValueIterator<String, MonthState> it = months.all()) {
      it.forEachRemaining(kv -> restored.restoreMonth(kv.value));
    }
    try (KeyValueIterator<String, byte[]> it = profiles.all()) {
      it.forEachRemaining(kv -> restored.restoreProfile(profileSerde.deserialize(Topics.LSOA_PROFILES.name(), kv.value)));
    }
    try (KeyValueIterator<String, byte[]> it = risks.all()) {
      it.forEachRemaining(kv -> restored.restoreRisk(kv.key, riskSerde.deserialize(Topics.RISK_SCORES.name(), kv.value).getLogRiskScore()));
    }
    log.info("Snapshot builder restored {} cells, {} areas in {} ms", n, restored.universe().size(),
        (System.nanoTime() - started) / 1_000_000);
    return restored;
  }

  @Override
  public void process(Record<String, BuilderInput> record) {
    timestamp = record.timestamp();
    BuilderInput input = record.value();
    boolean advance;
    try {
      if (input instanceof BuilderInput.Cells c) {
        advance = cells(record.key(), c.bucket());
      } else if (input instanceof BuilderInput.Closure c) {
        advance = closure(record.key(), c.bytes());
      } else if (input instanceof BuilderInput.Profile p) {
        advance = profile(record.key(), p.bytes());
      } else if (input instanceof BuilderInput.Risk r) {
        advance = risk(record.key(), r.bytes());
      } else if (input instanceof BuilderInput.PartsHeld h) {
        advance = partsHeld(h);
      } else {
        return;
      }
    } catch (IllegalArgumentException | SerializationException e) {
      // Bad input is logged and skipped; a month it belonged to stays incomplete (visible on /watermark).
      log.warn("Input with key {} ignored: {}", record.key(), e.getMessage());
      return;
    }
    if (advance) {
      advance(System.currentTimeMillis());
    } else {
      persistMonths();
    }
  }

  /**
   * One input partition's part of a bucket, all its cells (most unchanged: skipped). A cell is the
   * sum of its partitions' parts, so it moves by the difference between this part and the last.
   */
  private boolean cells(String partialKey, CellBucket part) {
    YearMonth month = RecordCell.bucketMonth(partialKey);
    CellBucket before = cells.get(partialKey);
    cells.put(partialKey, part);
    boolean advance = false;
    for (int i = 0; i < part.size(); i++) {
      advance |= move(part.area(i), month, before == null ? CellCount.ZERO : before.get(part.area(i)), part.cell(i));
    }
    // A part keeps the areas it ever held (at zero), but one rebuilt after a restart holds only the
    // areas with live records: an area it no longer holds is at zero now.
    for (int i = 0; before != null && i < before.size(); i++) {
      if (!part.holds(before.area(i))) {
        advance |= move(before.area(i), month, before.cell(i), CellCount.ZERO);
      }
    }
    return advance;
  }

  /** A counting task restarted: its parts under keys it no longer holds are empty now. */
  private boolean partsHeld(BuilderInput.PartsHeld held) {
    Set<String> keys = new HashSet<>(held.keys());
    List<String> gone = new ArrayList<>();
    try (KeyValueIterator<String, CellBucket> it = cells.all()) {
      while (it.hasNext()) {
        String key = it.next().key;
        if (RecordCell.partialPartition(key) == held.partition() && !keys.contains(key)) {
          gone.add(key);
        }
      }
    }
    boolean advance = false;
    for (String key : gone) {
      advance |= cells(key, CellBucket.EMPTY);
      cells.delete(key);
    }
    if (!gone.isEmpty()) {
      log.info("Counting partition {} restarted without {} of its earlier parts: emptied", held.partition(), gone.size());
    }
    return advance;
  }

  private boolean move(String area, YearMonth month, CellCount was, CellCount now) {
    return !was.equals(now) && book.applyCell(area, month, book.cell(area, month).minus(was).plus(now));
  }

  private boolean closure(String month, byte[] bytes) {
    if (bytes == null) {
      log.warn("Tombstone for MonthClosed {} ignored: a closed month stays closed", month);
      return false;
    }
    MonthClosed closed = closedSerde.deserialize(Topics.MONTH_CLOSED.name(), bytes);
    return book.applyClosure(closed);
  }

  private boolean profile(String lsoa, byte[] bytes) {
    LsoaProfile profile = bytes == null ? null : profileSerde.deserialize(Topics.LSOA_PROFILES.name(), bytes);
    if (profile != null && !profile.getLsoa21cd().equals(lsoa)) {
      throw new IllegalArgumentException("profile of " + profile.getLsoa21cd() + " published under key " + lsoa);
    }
    if (profile == null) {
      profiles.delete(lsoa);
    } else {
      profiles.put(lsoa, bytes);
    }
    return book.applyProfile(lsoa, profile, System.currentTimeMillis());
  }

  private boolean risk(String lsoa, byte[] bytes) {
    RiskScore score = bytes == null ? null : riskSerde.deserialize(Topics.RISK_SCORES.name(), bytes);
    if (score == null) {
      risks.delete(lsoa);
    } else {
      risks.put(lsoa, bytes);
    }
    book.applyRisk(lsoa, score == null ? null : score.getLogRiskScore());
    return false;
  }

  private void punctuate(long now) {
    timestamp = now;
    advance(now);
    progress.publish(book.progress());
  }

  private void advance(long now) {
    int[] published = new int[1];
    // Work left after a step waits for the next input or punctuation (a later transaction).
    book.advance(now, new SnapshotBook.Sink() {
      @Override
      public void row(String key, LsoaMonthFeatures row) {
        context.forward(new Record<>(key, row, timestamp));
        published[0]++;
      }

      @Override
      public void ready(SnapshotReady ready) {
        context.forward(new Record<>(ready.getMonth(), ready, timestamp));
        progress.snapshotPublished(ready.getCause(), ready.getLsoaCount());
      }
    });
    if (persistMonths() || published[0] > 0) {
      progress.publish(book.progress());
    }
  }

  /** Writes the months whose state changed; true if any did. */
  private boolean persistMonths() {
    var changed = book.drainChanged();
    for (MonthState state : changed) {
      months.put(state.month().toString(), state);
    }
    return !changed.isEmpty();
  }
}
