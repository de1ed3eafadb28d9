package uk.patrolcast.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.WireFormat;

/**
 * A smoke check of the whole serialisation path before any data flows: for every topic of the
 * catalogue, a sample record of its schema is written in the Confluent wire format (registering the
 * schema under the topic's subject), sent through the broker on a scratch topic, read back and
 * compared. It also leaves every schema registered, so consumers can start before producers.
 */
public final class SchemaRoundTrip {
  static final String SCRATCH_TOPIC = "_patrolcast.roundtrip";

  private SchemaRoundTrip() {}

  /** Returns the schema id registered for each topic's values; fails if any record differs. */
  public static Map<String, Integer> run(String bootstrapServers, SchemaRegistry registry) {
    createScratchTopic(bootstrapServers);
    List<TopicSpec<?>> specs = Topics.ALL;
    List<Object> originals = new ArrayList<>();
    Properties producerProps = KafkaClientConfigs.producer(bootstrapServers, "patrolcast-roundtrip");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (TopicSpec<?> spec : specs) {
        SpecificRecord sample = sample(spec.valueType(), 42);
        byte[] value = serialize(spec, sample, registry);
        byte[] key = spec.keySerde(registry).serialize(spec.name(), "roundtrip");
        producer.send(new ProducerRecord<>(SCRATCH_TOPIC, 0, key, value)).get(30, TimeUnit.SECONDS);
        originals.add(sample);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Schema round trip: cannot write to the broker: " + e, e);
    }
    Map<String, Integer> ids = new LinkedHashMap<>();
    Properties consumerProps = KafkaClientConfigs.consumer(bootstrapServers, "patrolcast-roundtrip", null);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(SCRATCH_TOPIC, 0);
      consumer.assign(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      consumer.seek(tp, end - specs.size());
      List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (received.size() < specs.size() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
      if (received.size() < specs.size()) {
        throw new IllegalStateException("Schema round trip: read back " + received.size() + " of " + specs.size() + " records");
      }
      for (int i = 0; i < specs.size(); i++) {
        TopicSpec<?> spec = specs.get(i);
        byte[] bytes = received.get(i).value();
        Object back = spec.valueSerde(registry).deserialize(spec.name(), bytes);
        if (!Objects.equals(back, originals.get(i))) {
          throw new IllegalStateException("Schema round trip: " + spec.name() + " came back different:\n sent " + originals.get(i) + "\n got  " + back);
        }
        String key = spec.keySerde(registry).deserialize(spec.name(), received.get(i).key());
        if (!"roundtrip".equals(key)) {
          throw new IllegalStateException("Schema round trip: key of " + spec.name() + " came back as " + key);
        }
        ids.put(spec.name(), WireFormat.schemaId(bytes));
      }
    }
    return ids;
  }

  @SuppressWarnings("unchecked")
  private static <V extends SpecificRecord> byte[] serialize(TopicSpec<V> spec, SpecificRecord sample, SchemaRegistry registry) {
    return spec.valueSerde(registry).serialize(spec.name(), (V) sample);
  }

  /** A random but valid (seeded, so repeatable) instance of a generated class. */
  public static <V extends SpecificRecord> V sample(Class<V> type, long seed) {
    SpecificData model = SpecificData.getForClass(type);
    Schema schema = model.getSchema(type);
    Object generic = new RandomData(schema, 1, seed).iterator().next();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<Object>(schema, GenericData.get()).write(generic, encoder);
      encoder.flush();
      return new SpecificDatumReader<V>(schema, schema, model).read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot build a sample " + type.getSimpleName(), e);
    }
  }

  private static void createScratchTopic(String bootstrapServers) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, 1, (short) 1)
          .configs(Map.of("retention.ms", Long.toString(Duration.ofHours(1).toMillis()), "max.message.bytes", Integer.toString(32 << 20)))))
          .all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create " + SCRATCH_TOPIC + ": " + e.getCause(), e);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create " + SCRATCH_TOPIC + ": " + e, e);
    }
  }
}
