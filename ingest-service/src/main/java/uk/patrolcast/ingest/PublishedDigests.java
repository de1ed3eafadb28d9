package uk.patrolcast.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.ingest.rows.RecordHashes;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * Fingerprints of everything ingest published (committed records only), so that two runs over the
 * same data can be compared exactly, e.g. before and after a change to the pipeline. Records and
 * profiles are digested as the bytes on the topic (key and value, wire format header included,
 * partition by partition in offset order); rejections, manifests and MonthClosed carry the time they
 * were written, which is set to the epoch before their content is digested.
 */
public final class PublishedDigests {
  private PublishedDigests() {}

  /** Topic (or topic-partition) → {@code <records>:<SHA-256 hex>}, in catalogue then partition order. */
  public static Map<String, String> of(String bootstrapServers, SchemaRegistry registry) {
    Map<String, String> out = new LinkedHashMap<>();
    raw(bootstrapServers, Topics.CRIME_RECORDS, out);
    raw(bootstrapServers, Topics.LSOA_PROFILES, out);
    decoded(bootstrapServers, registry, Topics.CRIME_REJECTED, r -> {
      r.setRejectedAt(Instant.EPOCH);
      return r;
    }, out);
    decoded(bootstrapServers, registry, Topics.SOURCE_MANIFESTS, m -> {
      m.setIngestedAt(Instant.EPOCH);
      return m;
    }, out);
    decoded(bootstrapServers, registry, Topics.MONTH_CLOSED, (MonthClosed c) -> {
      c.setClosedAt(Instant.EPOCH);
      return c;
    }, out);
    return out;
  }

  /** One digest per partition over the key and value bytes as they are on the topic. */
  private static void raw(String bootstrapServers, TopicSpec<?> spec, Map<String, String> out) {
    read(bootstrapServers, spec.name(), (partition, records) -> {
      MessageDigest d = RecordHashes.sha256();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        update(d, r.key());
        update(d, r.value());
      }
      out.put(spec.name() + "-" + partition, records.size() + ":" + RecordHashes.hex(d.digest()));
    });
  }

  /** One digest per topic over the keys and the values' text with their time of writing cleared. */
  private static <V extends SpecificRecord> void decoded(String bootstrapServers, SchemaRegistry registry, TopicSpec<V> spec,
      UnaryOperator<V> timeless, Map<String, String> out) {
    var keys = spec.keySerde(registry);
    var values = spec.valueSerde(registry);
    MessageDigest d = RecordHashes.sha256();
    int[] count = {0};
    read(bootstrapServers, spec.name(), (partition, records) -> {
      for (ConsumerRecord<byte[], byte[]> r : records) {
        update(d, keys.deserialize(spec.name(), r.key()).getBytes(StandardCharsets.UTF_8));
        V v = values.deserialize(spec.name(), r.value());
        update(d, v == null ? null : timeless.apply(v).toString().getBytes(StandardCharsets.UTF_8));
        count[0]++;
      }
    });
    out.put(spec.name(), count[0] + ":" + RecordHashes.hex(d.digest()));
  }

  private static void update(MessageDigest d, byte[] bytes) {
    d.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
    if (bytes != null) {
      d.update(bytes);
    }
  }

  @FunctionalInterface
  private interface PartitionSink {
    void accept(int partition, List<ConsumerRecord<byte[], byte[]>> records);
  }

  private static void read(String bootstrapServers, String topic, PartitionSink sink) {
    var props = KafkaClientConfigs.consumer(bootstrapServers, "patrolcast-digest-" + topic, null);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      for (TopicPartition tp : partitions) {
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long end = ends.get(tp);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.offset() < end) {
              records.add(r);
            }
          }
        }
        sink.accept(tp.partition(), records);
      }
    }
  }
}
