package uk.patrolcast.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The guarantees every service relies on, as Kafka itself resolves the settings. */
class KafkaClientConfigsTest {

  @Test
  void streamsRunExactlyOnceWithBatchesKeptInOrder() {
    Properties p = KafkaClientConfigs.streams("127.0.0.1:9092", "app", Path.of("/tmp/x"), (short) 1);
    StreamsConfig config = new StreamsConfig(p);
    assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    Map<String, Object> producer = config.getProducerConfigs("client");
    // One request in flight: a refused first batch cannot be overtaken (see KafkaClientConfigs.streams).
    assertThat(producer.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isEqualTo("1");
    assertThat(producer.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).isEqualTo(Integer.toString(KafkaClientConfigs.MAX_RECORD_BYTES));
    // Batches as large as every other producer's, not the 16 kB default (a request per ~30 rows).
    assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(Integer.toString(256 << 10));
    Map<String, Object> consumer = config.getMainConsumerConfigs("group", "client", 0);
    assertThat(consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).isEqualTo("read_committed");
    // 1 MB per partition, not 32 MB: small topics are not left waiting behind a whole partition of records.
    assertThat(consumer.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)).isEqualTo(Integer.toString(1 << 20));
    // A restarted instance waits for its crashed predecessor's session to expire: 10 s, not 45 s.
    assertThat(consumer.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("10000");
    assertThat(Integer.parseInt((String) consumer.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG))).isLessThanOrEqualTo(10_000 / 3);
  }

  @Test
  void producersAreIdempotentAndTransactionalOnesHaveATimeoutForALoadedMachine() {
    Properties p = KafkaClientConfigs.transactionalProducer("127.0.0.1:9092", "c", "t");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    ProducerConfig config = new ProducerConfig(p);
    assertThat(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
    assertThat(config.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
    assertThat(config.getInt(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)).isEqualTo(60_000);
  }

  @Test
  void consumersReadOnlyCommittedDataFromTheBeginning() {
    Properties p = KafkaClientConfigs.consumer("127.0.0.1:9092", "c", null);
    assertThat(p.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).isEqualTo("read_committed");
    assertThat(p.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).isEqualTo("earliest");
    assertThat(p).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
  }
}
