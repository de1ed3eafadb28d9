package uk.patrolcast.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.platform.registry.RegistryOutageProxy;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/** What services restore from at start and what `run` writes to OUT survives a registry restart. */
class TopicReaderIT {

  private static MonthClosed closed(String month, int revision) {
    return MonthClosed.newBuilder()
        .setMonth(month).setRevision(revision).setRecordCount(10 * revision).setRecordHashSum(7L * revision)
        .setRejectedCount(0).setChecksum("0".repeat(64)).setSources(List.of()).setLsoaCount(4994)
        .setClosedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
  }

  private static void createMonthClosed(LocalStack stack) throws Exception {
    Properties admin = new Properties();
    admin.put("bootstrap.servers", stack.bootstrapServers());
    try (Admin a = Admin.create(admin)) {
      TopicProvisioning.ensure(a, List.<TopicSpec<?>>of(Topics.MONTH_CLOSED), 0, (short) 1);
    }
  }

  @Test
  void aRegistryThatCannotBeReachedWhileATopicIsReadIsWaitedOutAndEveryRecordRead() throws Exception {
    try (LocalStack stack = LocalStack.startTemporary()) {
      createMonthClosed(stack);
      SchemaRegistryClient direct = new SchemaRegistryClient(stack.schemaRegistryUrl());
      Map<String, MonthClosed> written = new LinkedHashMap<>();
      try (KafkaProducer<String, MonthClosed> producer = new KafkaProducer<>(
          KafkaClientConfigs.producer(stack.bootstrapServers(), "topic-reader-it"),
          Topics.MONTH_CLOSED.keySerde(direct).serializer(), Topics.MONTH_CLOSED.valueSerde(direct).serializer())) {
        for (int i = 1; i <= 6; i++) {
          MonthClosed m = closed("2023-0" + i, i);
          producer.send(new ProducerRecord<>(Topics.MONTH_CLOSED.name(), m.getMonth(), m)).get();
          written.put(m.getMonth(), m);
        }
      }

      ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
      try (RegistryOutageProxy proxy = new RegistryOutageProxy(stack.schemaRegistryUrl(), true)) {
        // A fresh client (nothing cached) that tries each call once: the outage reaches the reader.
        SchemaRegistryClient throughProxy = new SchemaRegistryClient(proxy.url(), Duration.ofSeconds(5), 1, null);
        later.schedule(() -> proxy.down(false), 3, TimeUnit.SECONDS);
        Map<String, MonthClosed> read = TopicReader.latest(stack.bootstrapServers(), throughProxy, Topics.MONTH_CLOSED);
        assertThat(proxy.refused()).as("calls refused during the outage").isPositive();
        assertThat(read).isEqualTo(written);
      } finally {
        later.shutdownNow();
      }
    }
  }

  /** A transaction still open is waited for, named when the wait runs out, and once decided the wait returns. */
  @Test
  void awaitSettledWaitsForTheTransactionsThatHadWrittenAndNamesAnOpenOne() throws Exception {
    try (LocalStack stack = LocalStack.startTemporary()) {
      createMonthClosed(stack);
      Properties p = KafkaClientConfigs.producer(stack.bootstrapServers(), "await-settled-it");
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "await-settled-it");
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(Topics.MONTH_CLOSED.name(), "2023-01", "open")).get();
        assertThatThrownBy(() -> TopicReader.awaitSettled(stack.bootstrapServers(), Duration.ofMillis(500), Topics.MONTH_CLOSED.name()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining(Topics.MONTH_CLOSED.name() + "-");
        producer.commitTransaction();
        TopicReader.awaitSettled(stack.bootstrapServers(), Duration.ofSeconds(30), Topics.MONTH_CLOSED.name());
        assertThat(TopicReader.endOffsets(stack.bootstrapServers(), Topics.MONTH_CLOSED.name()).values().stream()
            .mapToLong(Long::longValue).sum()).as("the record and its commit marker").isEqualTo(2);
      }
    }
  }
}
