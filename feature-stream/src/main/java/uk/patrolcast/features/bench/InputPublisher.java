package uk.patrolcast.features.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * Publishes the feature stream's inputs the way ingest does: reference data first, then each month's
 * records with its MonthClosed in one transaction. For the benchmark and the integration tests.
 */
public final class InputPublisher implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final SchemaRegistry registry;
  /** One serde per topic: each caches its schema id. */
  private final Map<String, AvroSerde<?>> values = new HashMap<>();
  private final AvroSerde<String> keys;

  public InputPublisher(String bootstrapServers, SchemaRegistry registry, String transactionalId) {
    this.registry = registry;
    this.keys = Topics.CRIME_RECORDS.keySerde(registry);
    this.producer = new KafkaProducer<>(KafkaClientConfigs.transactionalProducer(bootstrapServers, transactionalId, transactionalId),
        new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  public void profiles(Collection<LsoaProfile> profiles) {
    producer.beginTransaction();
    profiles.forEach(p -> send(Topics.LSOA_PROFILES, p.getLsoa21cd(), p));
    producer.commitTransaction();
  }

  /** A month's records and, if {@code closing} is not null, its MonthClosed, in one transaction. */
  public void month(Collection<CrimeRecord> records, MonthClosed closing) {
    producer.beginTransaction();
    records.forEach(r -> send(Topics.CRIME_RECORDS, r.getRecordKey(), r));
    if (closing != null) {
      send(Topics.MONTH_CLOSED, closing.getMonth(), closing);
    }
    producer.commitTransaction();
  }

  /** Tombstones for records gone from a corrected month, with the month's new closing. */
  public void retract(Collection<String> recordKeys, MonthClosed closing) {
    producer.beginTransaction();
    recordKeys.forEach(k -> send(Topics.CRIME_RECORDS, k, null));
    send(Topics.MONTH_CLOSED, closing.getMonth(), closing);
    producer.commitTransaction();
  }

  @SuppressWarnings("unchecked")
  private <V extends SpecificRecord> void send(TopicSpec<V> spec, String key, V value) {
    AvroSerde<V> serde = (AvroSerde<V>) values.computeIfAbsent(spec.name(), n -> spec.valueSerde(registry));
    producer.send(new ProducerRecord<>(spec.name(), keys.serialize(spec.name(), key), serde.serialize(spec.name(), value)));
  }

  @Override
  public void close() {
    producer.close();
  }
}
