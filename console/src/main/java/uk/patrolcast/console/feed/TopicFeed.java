package uk.patrolcast.console.feed;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.console.view.ConsoleState;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.RegistryOutage;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * The console's own reader of the topics it shows: one assign-only consumer (no group, so it never
 * disturbs a service's offsets) that reads every partition from the beginning, committed records
 * only, and keeps following them. Topics that do not exist yet are picked up when they appear. A
 * record that cannot be read is logged and skipped.
 */
public final class TopicFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TopicFeed.class);

  /** The topics the console's views are built from. */
  public static final List<TopicSpec<?>> TOPICS =
      List.of(Topics.LSOA_PROFILES, Topics.MONTH_CLOSED, Topics.SNAPSHOT_READY, Topics.FEATURES, Topics.CRIME_REJECTED,
          Topics.RISK_MODELS, Topics.RISK_SCORES, Topics.LSOA_FORECASTS, Topics.WARD_FORECASTS, Topics.FORECAST_READY,
          Topics.EVALUATIONS, Topics.PLANS);

  private static final Duration RECHECK = Duration.ofSeconds(10);

  private final ConsoleState state;
  private final Map<String, AvroSerde<? extends SpecificRecord>> serdes = new HashMap<>();
  private final AvroSerde<String> keys;
  private final AtomicBoolean caughtUp = new AtomicBoolean(false);
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong behind = new AtomicLong(-1);
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private final PollingThread thread;
  private volatile boolean failed;
  /** Partitions of all feed topics once every topic exists; until then caught-up cannot be declared. */
  private int expected = Integer.MAX_VALUE;

  public TopicFeed(String bootstrapServers, SchemaRegistry registry, ConsoleState state, MeterRegistry metrics) {
    this.state = state;
    for (TopicSpec<?> spec : TOPICS) {
      serdes.put(spec.name(), spec.valueSerde(registry));
    }
    this.keys = AvroSerde.forKey(registry);
    metrics.gauge("console_feed_caught_up", caughtUp, b -> b.get() ? 1 : 0);
    metrics.gauge("console_feed_records_behind", behind, AtomicLong::get);
    metrics.more().counter("console_feed_records_total", List.of(), records, AtomicLong::get);
    metrics.more().counter("console_feed_unreadable_total", List.of(), unreadable, AtomicLong::get);
    var props = KafkaClientConfigs.consumer(bootstrapServers, "patrolcast-console-feed", null);
    props.put("max.poll.records", "5000");
    thread = new PollingThread("console-feed", props, this::run, e -> {
      failed = true;
      lastError.set(e.toString());
      log.error("console feed stopped: {}", e.toString(), e);
    });
  }

  public void start() {
    thread.start();
  }

  /** True once every partition has been read up to its end offset as of the time it was assigned. */
  public boolean caughtUp() {
    return caughtUp.get();
  }

  /** False when the reading thread died of an error it cannot recover from. */
  public boolean alive() {
    return !failed;
  }

  public Map<String, Object> status() {
    Map<String, Object> s = new HashMap<>();
    s.put("caughtUp", caughtUp.get());
    s.put("records", records.get());
    s.put("unreadable", unreadable.get());
    s.put("recordsBehind", behind.get());
    s.put("lastError", lastError.get());
    return s;
  }

  private void run(KafkaConsumer<byte[], byte[]> c, BooleanSupplier running) throws InterruptedException {
    long started = System.nanoTime();
    Set<TopicPartition> assigned = new HashSet<>();
    Map<TopicPartition, Long> targets = new HashMap<>();
    long nextCheck = 0;
    while (running.getAsBoolean()) {
      if (System.currentTimeMillis() >= nextCheck) {
        List<TopicPartition> added = newPartitions(c, assigned);
        if (!added.isEmpty()) {
          assigned.addAll(added);
          c.assign(assigned);
          c.seekToBeginning(added);
          targets.putAll(c.endOffsets(added, Duration.ofSeconds(30)));
        }
        nextCheck = System.currentTimeMillis() + (expected == Integer.MAX_VALUE ? 1_000 : RECHECK.toMillis());
      }
      if (assigned.isEmpty()) {
        Thread.sleep(500);
        continue;
      }
      ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(500));
      for (ConsumerRecord<byte[], byte[]> r : batch) {
        apply(r, running);
      }
      if (!caughtUp.get()) {
        long left = 0;
        for (Map.Entry<TopicPartition, Long> t : targets.entrySet()) {
          left += Math.max(0, t.getValue() - c.position(t.getKey(), Duration.ofSeconds(30)));
        }
        behind.set(left);
        if (left == 0 && assigned.size() >= expected) {
          caughtUp.set(true);
          double seconds = (System.nanoTime() - started) / 1e9;
          log.info("console feed caught up: {} records from {} partitions in {} s ({} records/s)", records.get(),
              assigned.size(), String.format("%.1f", seconds), String.format("%.0f", records.get() / Math.max(seconds, 1e-3)));
        }
      } else {
        behind.set(0);
      }
    }
  }

  private List<TopicPartition> newPartitions(KafkaConsumer<byte[], byte[]> c, Set<TopicPartition> assigned) {
    List<TopicPartition> added = new ArrayList<>();
    int all = 0;
    boolean complete = true;
    Map<String, List<PartitionInfo>> topics = c.listTopics(Duration.ofSeconds(30));
    for (TopicSpec<?> spec : TOPICS) {
      List<PartitionInfo> infos = topics.get(spec.name());
      if (infos == null || infos.isEmpty()) {
        complete = false;
        continue;
      }
      for (PartitionInfo info : infos) {
        all++;
        TopicPartition tp = new TopicPartition(spec.name(), info.partition());
        if (!assigned.contains(tp)) {
          added.add(tp);
        }
      }
    }
    // Until every topic exists, "caught up" would be premature.
    expected = complete ? all : Integer.MAX_VALUE;
    return added;
  }

  private record Decoded(String key, Object value) {}

  private void apply(ConsumerRecord<byte[], byte[]> r, BooleanSupplier running) {
    try {
      // A registry outage is waited out (the record would be lost to the view otherwise); a bad record is skipped.
      Decoded d = RegistryOutage.readThrough(() -> new Decoded(r.key() == null ? null : keys.deserialize(r.topic(), r.key()),
          serdes.get(r.topic()).deserialize(r.topic(), r.value())), running, r);
      state.apply(r.topic(), d.key(), d.value());
      records.incrementAndGet();
    } catch (RuntimeException e) {
      unreadable.incrementAndGet();
      lastError.set(r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e.getMessage());
      log.warn("Skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
    }
  }

  @Override
  public void close() {
    thread.close();
  }
}
