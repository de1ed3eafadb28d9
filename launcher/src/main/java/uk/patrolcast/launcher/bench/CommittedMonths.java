package uk.patrolcast.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.platform.kafka.TopicPartitions;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * A read_committed consumer on one topic, as a downstream subscriber would have: it notes the moment
 * (System.nanoTime) each month first appears in a committed record, the month taken from the value
 * ({@code month} returns null for records that do not count, e.g. what-if plans or refusals).
 */
final class CommittedMonths<V extends SpecificRecord> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CommittedMonths.class);

  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  private CommittedMonths(String bootstrapServers, SchemaRegistry registry, TopicSpec<V> spec, Function<V, String> month) {
    var values = spec.valueSerde(registry).deserializer();
    thread = new Thread(() -> {
      var props = KafkaClientConfigs.consumer(bootstrapServers, "patrolcast-bench-" + spec.name(), null);
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = TopicPartitions.of(consumer, spec.name());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (running) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
            long now = System.nanoTime();
            if (r.value() == null) {
              continue;
            }
            String m = month.apply(values.deserialize(spec.name(), r.value()));
            if (m != null) {
              firstSeen.putIfAbsent(m, now);
            }
          }
        }
      } catch (RuntimeException e) {
        if (running) {
          failure = e;
          log.error("Watching {} failed: {}", spec.name(), e.toString());
        }
      }
    }, "bench-watch-" + spec.name());
    thread.setDaemon(true);
  }

  static <V extends SpecificRecord> CommittedMonths<V> start(
      String bootstrapServers, SchemaRegistry registry, TopicSpec<V> spec, Function<V, String> month) {
    CommittedMonths<V> w = new CommittedMonths<>(bootstrapServers, registry, spec, month);
    w.thread.start();
    return w;
  }

  /** Waits until {@code month} has been seen; returns when (System.nanoTime). */
  long await(String month, long deadline) {
    while (true) {
      Long seen = firstSeen.get(month);
      if (seen != null) {
        return seen;
      }
      if (failure != null) {
        throw failure;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out waiting for " + month + " to be committed");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted", e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
