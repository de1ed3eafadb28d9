package uk.patrolcast.forecast.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * The forecast service's one transactional producer: everything of an origin (LSOA and ward
 * forecasts, the evaluation, ForecastReady) or of a model (risk model and scores, evaluations) is
 * written in one transaction, so read_committed consumers see all of it or none.
 */
public final class ForecastPublisher implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final SchemaRegistry registry;
  private final Map<String, AvroSerde<?>> serdes = new HashMap<>();
  private final AvroSerde<String> keys;

  public ForecastPublisher(String bootstrapServers, SchemaRegistry registry, String transactionalId) {
    this.registry = registry;
    this.keys = AvroSerde.forKey(registry);
    this.producer = new KafkaProducer<>(KafkaClientConfigs.transactionalProducer(bootstrapServers, transactionalId, transactionalId),
        new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  /** Runs {@code body} (which calls {@link #send}) inside one transaction; aborts it on failure. */
  public void inTransaction(Runnable body) {
    producer.beginTransaction();
    try {
      body.run();
      producer.commitTransaction();
    } catch (ProducerFencedException e) {
      throw new IllegalStateException("Another forecast service with the same instance id took over: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      try {
        producer.abortTransaction();
      } catch (KafkaException abort) {
        e.addSuppressed(abort);
      }
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  public <V extends SpecificRecord> void send(TopicSpec<V> spec, String key, V value) {
    AvroSerde<V> serde = (AvroSerde<V>) serdes.computeIfAbsent(spec.name(), n -> spec.valueSerde(registry));
    producer.send(new ProducerRecord<>(spec.name(), keys.serializer().serialize(spec.name(), key),
        serde.serializer().serialize(spec.name(), value)));
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(10));
  }
}
