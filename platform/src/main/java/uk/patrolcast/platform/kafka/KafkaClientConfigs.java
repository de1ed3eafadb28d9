package uk.patrolcast.platform.kafka;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The client settings every Patrolcast service uses, in one place: idempotent, compressed producers
 * that accept the few-MB plans; consumers that read only committed data from the beginning; Streams
 * applications with exactly-once v2.
 */
public final class KafkaClientConfigs {
  /** The largest record a producer may send (plans carry every LSOA). */
  public static final int MAX_RECORD_BYTES = 32 << 20;
  /** What a Streams consumer fetches per partition at most (beyond a first batch that is larger). */
  static final int FETCH_BYTES_PER_PARTITION = 1 << 20;
  /** Producer batches per partition: large enough that a stream of rows is not cut into 16 kB requests. */
  static final int BATCH_BYTES = 256 << 10;

  private KafkaClientConfigs() {}

  public static Properties producer(String bootstrapServers, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_BYTES));
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
    return p;
  }

  /** An idempotent producer that writes in transactions under a stable id (fencing a crashed twin). */
  public static Properties transactionalProducer(String bootstrapServers, String clientId, String transactionalId) {
    Properties p = producer(bootstrapServers, clientId);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
    return p;
  }

  /**
   * @param groupId consumer group, or null for an unmanaged (assign-only) consumer
   */
  public static Properties consumer(String bootstrapServers, String clientId, String groupId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    if (groupId != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(2 * MAX_RECORD_BYTES));
    return p;
  }

  /** A Streams application with exactly-once v2 and RocksDB state under {@code stateDir}. */
  public static Properties streams(String bootstrapServers, String applicationId, Path stateDir, short replicationFactor) {
    Properties p = new Properties();
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(replicationFactor));
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Integer.toString(MAX_RECORD_BYTES));
    // Streams creates its repartition and changelog topics just before writing to them. With several
    // requests in flight, a first batch refused while the broker is still applying the new partition
    // can be overtaken by the next one, which transactions v2 then refuses for good (OUT_OF_ORDER_SEQUENCE,
    // "expected sequence 0 ... no existing state": KAFKA-15591 / KAFKA-18202), and the commit hangs.
    // Seen on a loaded machine; one request in flight keeps batches in order.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), "1");
    // With one request in flight, the client default batch (16 kB, ~30 feature rows) made the feature
    // stream send, validate, compress and complete its 0.8 M rows per replay in ~25 k requests.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), Integer.toString(BATCH_BYTES));
    // Per partition, the client's default 1 MB (a larger first batch still comes whole, so records of
    // MAX_RECORD_BYTES still read). At 32 MB, one fetch brought a whole partition of crime records,
    // and the small topics beside it (profiles, month closings) waited behind it: the feature stream
    // saw its first MonthClosed only after reading all ~1 M replay records.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), Integer.toString(FETCH_BYTES_PER_PARTITION));
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // The consumers of a crashed instance, or of a stream thread replaced after a failure, never leave
    // the group (Streams keeps members across a close to spare rebalances): the group hands their
    // tasks on only once their session has expired. With the client default (45 s) a restarted
    // service stood still that long; 10 s (heartbeats every 3 s) is the default Streams had before 3.0.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "10000");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "3000");
    return p;
  }
}
