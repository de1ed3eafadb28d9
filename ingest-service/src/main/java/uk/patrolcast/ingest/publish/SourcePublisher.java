package uk.patrolcast.ingest.publish;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.avro.specific.SpecificRecord;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * Writes ingest's transactions with one idempotent, transactional producer under a stable
 * transactional id: a restarted instance fences its crashed predecessor and the broker aborts whatever
 * that one left open, so readers (read_committed) never see half a source.
 */
public final class SourcePublisher implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final AvroSerde<String> keys;
  private final AvroSerde<CrimeRecord> records;
  private final AvroSerde<RejectedRecord> rejections;
  private final AvroSerde<SourceManifest> manifests;
  private final AvroSerde<MonthClosed> closings;
  private final AvroSerde<LsoaProfile> profiles;
  private final AfterSend afterSend;
  private final ThreadLocal<AvroSerde<String>> threadKeys;
  private final ThreadLocal<AvroSerde<CrimeRecord>> threadRecords;
  private long sent;

  /** Called after every send (tests use it to crash a producer in the middle of a source). */
  @FunctionalInterface
  public interface AfterSend {
    void sent(SourcePublisher publisher, long count);
  }

  public SourcePublisher(String bootstrapServers, SchemaRegistry registry, String transactionalId) {
    this(bootstrapServers, registry, transactionalId, (p, n) -> {});
  }

  public SourcePublisher(String bootstrapServers, SchemaRegistry registry, String transactionalId, AfterSend afterSend) {
    this.afterSend = afterSend;
    Properties p = KafkaClientConfigs.transactionalProducer(bootstrapServers, "patrolcast-ingest", transactionalId);
    // Bulk ingest is CPU-bound on both ends (the broker decompresses batches of compacted topics to
    // check their keys): lz4 costs a fraction of zstd's CPU for these small, repetitive records.
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // A transaction begun right after a commit may meet CONCURRENT_TRANSACTIONS while the broker
    // finishes the markers: retry soon rather than after the default 100 ms.
    p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "10");
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
    keys = AvroSerde.forKey(registry);
    records = Topics.CRIME_RECORDS.valueSerde(registry);
    rejections = Topics.CRIME_REJECTED.valueSerde(registry);
    manifests = Topics.SOURCE_MANIFESTS.valueSerde(registry);
    closings = Topics.MONTH_CLOSED.valueSerde(registry);
    profiles = Topics.LSOA_PROFILES.valueSerde(registry);
    threadKeys = ThreadLocal.withInitial(() -> AvroSerde.forKey(registry));
    threadRecords = ThreadLocal.withInitial(() -> Topics.CRIME_RECORDS.valueSerde(registry));
  }

  /** Writes everything of {@code t} in one transaction; on failure nothing of it is visible. */
  public void publish(Transaction t) {
    run(t.label(), () -> {
      if (t.encodedRecords() != null) {
        for (Encoded e : t.encodedRecords()) {
          producer.send(new ProducerRecord<>(Topics.CRIME_RECORDS.name(), e.key(), e.value()));
          afterSend.sent(this, ++sent);
        }
      } else {
        for (CrimeRecord r : t.records()) {
          send(Topics.CRIME_RECORDS, records, r.getRecordKey(), r);
        }
      }
      for (String key : t.tombstones()) {
        send(Topics.CRIME_RECORDS, records, key, null);
      }
      for (RejectedRecord r : t.rejections()) {
        send(Topics.CRIME_REJECTED, rejections, r.getSource() + ":" + r.getLine(), r);
      }
      t.manifests().forEach((key, m) -> send(Topics.SOURCE_MANIFESTS, manifests, key, m));
      for (String key : t.manifestTombstones()) {
        send(Topics.SOURCE_MANIFESTS, manifests, key, null);
      }
      if (t.closed() != null) {
        send(Topics.MONTH_CLOSED, closings, t.closed().getMonth(), t.closed());
      }
    });
  }

  /** A record's key and value in the wire format. */
  public record Encoded(byte[] key, byte[] value) {}

  /**
   * Serialises records ahead of their transaction, on the calling thread (each thread has its own
   * serdes), so that a read-ahead thread can take this work off the publishing one.
   */
  public List<Encoded> encode(List<CrimeRecord> list) {
    AvroSerde<String> k = threadKeys.get();
    AvroSerde<CrimeRecord> v = threadRecords.get();
    String topic = Topics.CRIME_RECORDS.name();
    List<Encoded> out = new java.util.ArrayList<>(list.size());
    for (CrimeRecord r : list) {
      out.add(new Encoded(k.serialize(topic, r.getRecordKey()), v.serialize(topic, r)));
    }
    return out;
  }

  /** Writes reference profiles (and retractions of areas no longer in the universe) in one transaction. */
  public void publishProfiles(List<LsoaProfile> changed, List<String> removed) {
    run("LSOA profiles", () -> {
      for (LsoaProfile p : changed) {
        send(Topics.LSOA_PROFILES, profiles, p.getLsoa21cd(), p);
      }
      for (String code : removed) {
        send(Topics.LSOA_PROFILES, profiles, code, null);
      }
    });
  }

  private void run(String label, Runnable sends) {
    producer.beginTransaction();
    try {
      sends.run();
      producer.commitTransaction();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      // Another instance took over the transactional id (or the producer is broken): it must not go on.
      throw new IllegalStateException("Ingest producer can no longer write (" + label + "): " + e.getMessage(), e);
    } catch (KafkaException e) {
      try {
        producer.abortTransaction();
      } catch (KafkaException abort) {
        e.addSuppressed(abort);
      }
      throw new IllegalStateException("Transaction for " + label + " failed and was aborted: " + e.getMessage(), e);
    }
  }

  private <V extends SpecificRecord> void send(TopicSpec<V> topic, AvroSerde<V> serde, String key, V value) {
    producer.send(new ProducerRecord<>(topic.name(), keys.serialize(topic.name(), key), serde.serialize(topic.name(), value)));
    afterSend.sent(this, ++sent);
  }

  /** Sends everything buffered to the broker (inside the open transaction, if any). */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(10));
  }
}
