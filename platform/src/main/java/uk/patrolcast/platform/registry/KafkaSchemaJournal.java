package uk.patrolcast.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.schemas.registry.RegistryEvent;
import uk.patrolcast.schemas.registry.SchemaRegistryException;

/**
 * Keeps the development registry's changes in a compacted, single-partition Kafka topic (as Confluent
 * Schema Registry keeps its {@code _schemas} topic), so registered schemas and their ids survive a
 * restart of the local stack. Each change is written synchronously before it takes effect.
 */
final class KafkaSchemaJournal implements Consumer<RegistryEvent>, AutoCloseable {
  static final String DEFAULT_TOPIC = "_patrolcast_schemas";

  private final String topic;
  private final KafkaProducer<byte[], byte[]> producer;

  KafkaSchemaJournal(String bootstrapServers, String topic) {
    this.topic = topic;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "patrolcast-dev-registry");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Creates the topic if needed and returns every change it holds, oldest first. */
  static List<RegistryEvent> load(String bootstrapServers, String topic) {
    Properties admin = new Properties();
    admin.put("bootstrap.servers", bootstrapServers);
    try (Admin a = Admin.create(admin)) {
      NewTopic t = new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact", "min.insync.replicas", "1"));
      try {
        a.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Cannot create the schema topic " + topic + ": " + e.getCause(), e);
        }
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("Cannot create the schema topic " + topic + ": " + e, e);
    }
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Compaction keeps the last record per key; before it has run, a later record replaces an earlier one.
    Map<String, Long> lastOffsetByKey = new HashMap<>();
    List<ConsumerRecord<byte[], byte[]>> log = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
      while (consumer.position(tp) < end) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          lastOffsetByKey.put(new String(r.key(), StandardCharsets.UTF_8), r.offset());
          log.add(r);
        }
      }
    }
    List<RegistryEvent> events = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : log) {
      boolean latest = lastOffsetByKey.get(new String(r.key(), StandardCharsets.UTF_8)) == r.offset();
      if (latest && r.value() != null) {
        events.add(decode(r.value()));
      }
    }
    return events;
  }

  @Override
  public void accept(RegistryEvent event) {
    try {
      producer.send(new ProducerRecord<>(topic, key(event).getBytes(StandardCharsets.UTF_8), encode(event))).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR,
          "Cannot store the change in Kafka topic " + topic + ": " + e);
    }
  }

  private static String key(RegistryEvent event) {
    if (event instanceof RegistryEvent.SchemaRegistered r) {
      return "schema/" + r.subject() + "/" + r.version();
    } else if (event instanceof RegistryEvent.CompatibilitySet c) {
      return "config/" + (c.subject() == null ? "" : c.subject());
    } else if (event instanceof RegistryEvent.SubjectDeleted d) {
      return "deleted/" + d.subject();
    }
    throw new IllegalArgumentException("Unknown event " + event);
  }

  static byte[] encode(RegistryEvent event) {
    ObjectNode n = HttpApi.JSON.createObjectNode();
    if (event instanceof RegistryEvent.SchemaRegistered r) {
      n.put("type", "schema").put("subject", r.subject()).put("version", r.version()).put("id", r.id()).put("schema", r.schema());
    } else if (event instanceof RegistryEvent.CompatibilitySet c) {
      n.put("type", "config").put("subject", c.subject()).put("level", c.level());
    } else if (event instanceof RegistryEvent.SubjectDeleted d) {
      n.put("type", "deleted").put("subject", d.subject());
    }
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  static RegistryEvent decode(byte[] value) {
    try {
      JsonNode n = HttpApi.JSON.readTree(value);
      String subject = n.hasNonNull("subject") ? n.get("subject").asText() : null;
      return switch (n.path("type").asText()) {
        case "schema" -> new RegistryEvent.SchemaRegistered(subject, n.get("version").asInt(), n.get("id").asInt(), n.get("schema").asText());
        case "config" -> new RegistryEvent.CompatibilitySet(subject, n.get("level").asText());
        case "deleted" -> new RegistryEvent.SubjectDeleted(subject);
        default -> throw new IllegalStateException("Unknown registry record type in " + new String(value, StandardCharsets.UTF_8));
      };
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt registry record: " + new String(value, StandardCharsets.UTF_8), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
