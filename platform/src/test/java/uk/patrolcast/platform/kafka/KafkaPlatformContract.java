package uk.patrolcast.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.patrolcast.platform.testing.KafkaBackend;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/** What the services rely on from Kafka and the registry; run against each backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KafkaPlatformContract {
  private KafkaBackend backend;

  abstract KafkaBackend startBackend();

  @BeforeAll
  void start() {
    backend = startBackend();
  }

  @AfterAll
  void stop() {
    if (backend != null) {
      backend.close();
    }
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put("bootstrap.servers", backend.bootstrapServers());
    return Admin.create(p);
  }

  @Test
  void aRecordOfEverySchemaSurvivesBrokerAndRegistry() {
    SchemaRegistryClient registry = new SchemaRegistryClient(backend.schemaRegistryUrl());
    Map<String, Integer> ids = SchemaRoundTrip.run(backend.bootstrapServers(), registry);
    assertThat(ids).hasSize(Topics.ALL.size());
    assertThat(registry.subjects()).contains("crime.records.v1-value", "allocations.plan.v1-value", "features.lsoa-month.v1-key");
  }

  @Test
  void provisioningCreatesTheCatalogueAndIsRepeatable() throws Exception {
    try (Admin admin = admin()) {
      TopicProvisioning.ensureAll(admin);
      TopicProvisioning.ensure(admin, List.of(Topics.FEATURES), 8, (short) 1);
      TopicProvisioning.ensureAll(admin); // never lowers partitions
      // New partitions reach the metadata a moment after the controller accepts them.
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
        var d = admin.describeTopics(List.of(Topics.FEATURES.name(), Topics.MONTH_CLOSED.name())).allTopicNames().get();
        assertThat(d.get(Topics.FEATURES.name()).partitions()).hasSize(8);
        assertThat(d.get(Topics.MONTH_CLOSED.name()).partitions()).hasSize(1);
      });
      var configs = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
          org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.PLANS.name()))).all().get();
      assertThat(configs.values().iterator().next().get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void abortedTransactionsAreInvisibleAndCommittedOnesAppearOnce() throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("eos-test", 1, (short) 1))).all().get();
    }
    Properties p = KafkaClientConfigs.transactionalProducer(backend.bootstrapServers(), "t", "eos-test-tx");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("eos-test", "k", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("eos-test", "k", "committed"));
      producer.commitTransaction();
    }
    List<String> seen = new ArrayList<>();
    Properties c = KafkaClientConfigs.consumer(backend.bootstrapServers(), "t", "eos-test-group");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("eos-test"));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          seen.add(r.value());
        }
      }
      // Keep polling a little: nothing else may arrive.
      for (int i = 0; i < 5; i++) {
        consumer.poll(Duration.ofMillis(100)).forEach(r -> seen.add(r.value()));
      }
    }
    assertThat(seen).containsExactly("committed");
  }
}
