package uk.patrolcast.schemas;

import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * One topic of the catalogue: its name, its key (always an Avro string) and value types, and how the
 * broker should keep it.
 *
 * @param name topic name
 * @param valueType generated Avro class of the values
 * @param keyDescription what the key is, for people
 * @param partitions default partition count (configuration can raise it)
 * @param cleanupPolicy {@code compact}, {@code delete} or {@code compact,delete}
 * @param retentionMs retention in milliseconds, -1 for forever
 * @param configs further topic configs (e.g. {@code max.message.bytes})
 * @param description what the topic carries
 */
public record TopicSpec<V extends SpecificRecord>(
    String name,
    Class<V> valueType,
    String keyDescription,
    int partitions,
    String cleanupPolicy,
    long retentionMs,
    Map<String, String> configs,
    String description) {

  public static final String COMPACT = "compact";
  public static final String DELETE = "delete";

  public boolean compacted() {
    return cleanupPolicy.contains(COMPACT);
  }

  /** Avro string keys under {@code <topic>-key}. */
  public AvroSerde<String> keySerde(SchemaRegistry registry) {
    return AvroSerde.forKey(registry);
  }

  /** Avro values of {@link #valueType()} under {@code <topic>-value}. */
  public AvroSerde<V> valueSerde(SchemaRegistry registry) {
    return AvroSerde.forValue(valueType, registry);
  }

  /** Every topic config the broker should hold for this topic. */
  public Map<String, String> topicConfigs() {
    Map<String, String> all = new TreeMap<>(configs);
    all.put("cleanup.policy", cleanupPolicy);
    all.put("retention.ms", Long.toString(retentionMs));
    return all;
  }

  @Override
  public String toString() {
    return name;
  }
}
