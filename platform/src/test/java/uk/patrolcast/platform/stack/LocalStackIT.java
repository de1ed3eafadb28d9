package uk.patrolcast.platform.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;

class LocalStackIT {

  @Test
  void transactionalWriteIsReadCommitted() throws Exception {
    try (LocalStack stack = LocalStack.startTemporary()) {
      Properties admin = new Properties();
      admin.put("bootstrap.servers", stack.bootstrapServers());
      try (var a = org.apache.kafka.clients.admin.Admin.create(admin)) {
        a.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("t", 1, (short) 1))).all().get();
        // Transactions v1 on the embedded broker (LocalKafka.format says why).
        var features = a.describeFeatures().featureMetadata().get().finalizedFeatures();
        assertThat(features.get("transaction.version").maxVersionLevel()).isEqualTo((short) 1);
      }
      Properties p = KafkaClientConfigs.transactionalProducer(stack.bootstrapServers(), "test", "tx-1");
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("t", "k", "v"));
        producer.commitTransaction();
      }
      Properties c = KafkaClientConfigs.consumer(stack.bootstrapServers(), "test", "g");
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of("t"));
        ConsumerRecords<String, String> records = ConsumerRecords.empty();
        for (int i = 0; i < 50 && records.isEmpty(); i++) {
          records = consumer.poll(Duration.ofMillis(200));
        }
        assertThat(records.count()).isEqualTo(1);
      }
    }
  }
}
