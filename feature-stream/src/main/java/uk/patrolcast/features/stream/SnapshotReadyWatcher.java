package uk.patrolcast.features.stream;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * Follows {@code features.snapshot-ready.v1} with a read-committed consumer: the latest SnapshotReady
 * per month that consumers can actually see. The watermark needs it because the builder decides
 * inside a transaction that may not be committed yet.
 */
public final class SnapshotReadyWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SnapshotReadyWatcher.class);

  private final NavigableMap<YearMonth, SnapshotReady> latest = new ConcurrentSkipListMap<>();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroSerde<SnapshotReady> serde;
  private final Consumer<SnapshotReady> listener;
  private final Thread thread;
  private volatile boolean running = true;

  private SnapshotReadyWatcher(String bootstrapServers, SchemaRegistry registry, String clientId, Consumer<SnapshotReady> listener) {
    this.consumer = new KafkaConsumer<>(KafkaClientConfigs.consumer(bootstrapServers, clientId, null),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.serde = Topics.SNAPSHOT_READY.valueSerde(registry);
    this.listener = listener;
    this.thread = new Thread(this::loop, clientId);
    this.thread.setDaemon(true);
  }

  /**
   * Starts following the topic from its beginning.
   *
   * @param listener told of every committed SnapshotReady, on the watcher's thread
   */
  public static SnapshotReadyWatcher start(String bootstrapServers, SchemaRegistry registry, String clientId,
      Consumer<SnapshotReady> listener) {
    SnapshotReadyWatcher w = new SnapshotReadyWatcher(bootstrapServers, registry, clientId, listener);
    TopicPartition tp = new TopicPartition(Topics.SNAPSHOT_READY.name(), 0);
    w.consumer.assign(List.of(tp));
    w.consumer.seekToBeginning(List.of(tp));
    w.thread.start();
    return w;
  }

  public static SnapshotReadyWatcher start(String bootstrapServers, SchemaRegistry registry, String clientId) {
    return start(bootstrapServers, registry, clientId, r -> {});
  }

  private void loop() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          SnapshotReady ready = r.value() == null ? null : serde.deserialize(r.topic(), r.value());
          if (ready != null) {
            latest.merge(Months.parse(ready.getMonth()), ready, (a, b) -> b.getRevision() >= a.getRevision() ? b : a);
            listener.accept(ready);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("SnapshotReady watcher stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** The latest committed SnapshotReady of every month seen. */
  public NavigableMap<YearMonth, SnapshotReady> latest() {
    return latest;
  }

  /** Latest committed revision per month. */
  public Map<YearMonth, Integer> committedRevisions() {
    Map<YearMonth, Integer> out = new ConcurrentSkipListMap<>();
    latest.forEach((m, r) -> out.put(m, r.getRevision()));
    return out;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
