package uk.patrolcast.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.avro.specific.SpecificRecord;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.registry.RegistryOutage;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * Reads a whole topic as it stands now: from the beginning to the end offsets taken at the start,
 * committed records only, without a consumer group. What {@code patrolcast run} writes to OUT and
 * what tests compare comes from here.
 */
public final class TopicReader {
  /** How long decoding one record waits for a schema registry that cannot be reached before failing. */
  static final Duration REGISTRY_PATIENCE = Duration.ofMinutes(3);

  private TopicReader() {}

  /** Every record (tombstones as null values), partition by partition in offset order. */
  public static <V extends SpecificRecord> void readAll(
      String bootstrapServers, SchemaRegistry registry, TopicSpec<V> spec, BiConsumer<String, V> sink) {
    readAll(bootstrapServers, registry, spec, sink, partition -> {});
  }

  /**
   * Like {@link #readAll(String, SchemaRegistry, TopicSpec, BiConsumer)}, and tells
   * {@code partitionDone} when each partition has been read to its end: a key never spans
   * partitions, so a caller can settle (and forget) a partition's keys there instead of holding the
   * whole topic.
   */
  public static <V extends SpecificRecord> void readAll(
      String bootstrapServers, SchemaRegistry registry, TopicSpec<V> spec, BiConsumer<String, V> sink,
      IntConsumer partitionDone) {
    var keySerde = spec.keySerde(registry);
    var valueSerde = spec.valueSerde(registry);
    readRaw(bootstrapServers, spec.name(), (key, value) -> {
      // A registry restarting while a service restores its state or `run` writes OUT is waited out
      // (a while), not a failed start or a missing file.
      Decoded<V> record = RegistryOutage.readThrough(
          () -> new Decoded<>(keySerde.deserialize(spec.name(), key), valueSerde.deserialize(spec.name(), value)),
          RegistryOutage.patience(REGISTRY_PATIENCE), spec.name());
      sink.accept(record.key(), record.value());
    }, partitionDone);
  }

  private record Decoded<V>(String key, V value) {}

  /**
   * Every record as the bytes on the topic (key and value in the wire format, tombstones as null
   * values), partition by partition in offset order; {@code partitionDone} after each partition.
   * For comparing what two runs published exactly.
   */
  public static void readRaw(String bootstrapServers, String topic, BiConsumer<byte[], byte[]> sink, IntConsumer partitionDone) {
    var props = KafkaClientConfigs.consumer(bootstrapServers, "patrolcast-reader-" + topic, null);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = TopicPartitions.of(consumer, topic);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      for (TopicPartition tp : partitions) {
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long end = ends.get(tp);
        while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.offset() >= end) {
              break;
            }
            sink.accept(r.key(), r.value());
          }
        }
        partitionDone.accept(tp.partition());
      }
    }
  }

  /** The latest value of every key (a tombstone removes the key), in first-seen key order. */
  public static <V extends SpecificRecord> Map<String, V> latest(
      String bootstrapServers, SchemaRegistry registry, TopicSpec<V> spec) {
    Map<String, V> out = new LinkedHashMap<>();
    readAll(bootstrapServers, registry, spec, (k, v) -> {
      if (v == null) {
        out.remove(k);
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  /**
   * Waits until every transaction that had written to {@code topics} when called is committed or
   * aborted: each partition's last stable offset reaches the end offset it had then. A producer's
   * {@code commitTransaction} returns once the coordinator has decided; the markers that make the
   * records readable to {@code read_committed} readers are written just after, partition by
   * partition, so a reader that starts at once (or one that saw the marker on another partition of
   * the same transaction) can stop short of them.
   *
   * @throws IllegalStateException naming the partitions still open after {@code timeout}
   */
  public static void awaitSettled(String bootstrapServers, Duration timeout, String... topics) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(p)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(List.of(topics)).allTopicNames().get().forEach((topic, d) ->
          d.partitions().forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest())));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> written =
          admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        List<String> open = latest.keySet().stream().filter(tp -> stable.get(tp).offset() < written.get(tp).offset())
            .map(TopicPartition::toString).sorted().toList();
        if (open.isEmpty()) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Transactions still open after " + timeout.toSeconds() + " s on " + open);
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for transactions on " + List.of(topics), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the offsets of " + List.of(topics) + ": " + e.getCause().getMessage(), e);
    }
  }

  /** Record counts per partition up to now (end offsets), e.g. for progress and the console. */
  public static Map<Integer, Long> endOffsets(String bootstrapServers, String topic) {
    var props = KafkaClientConfigs.consumer(bootstrapServers, "patrolcast-offsets", null);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      Map<Integer, Long> out = new HashMap<>();
      consumer.endOffsets(TopicPartitions.of(consumer, topic), Duration.ofSeconds(30)).forEach((tp, end) -> out.put(tp.partition(), end));
      return out;
    }
  }
}
