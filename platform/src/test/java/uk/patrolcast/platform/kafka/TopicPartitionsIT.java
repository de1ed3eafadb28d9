package uk.patrolcast.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;

/** The partitions a consumer assigns itself: every one of each topic, in order; a missing topic named. */
class TopicPartitionsIT {

  @Test
  void everyPartitionOfEachTopicInOrderAndAMissingTopicNamed() throws Exception {
    try (LocalStack stack = LocalStack.startTemporary()) {
      Properties admin = new Properties();
      admin.put("bootstrap.servers", stack.bootstrapServers());
      Map<String, Integer> counts;
      try (Admin a = Admin.create(admin)) {
        TopicProvisioning.ensure(a, List.<TopicSpec<?>>of(Topics.FEATURES, Topics.MONTH_CLOSED), 3, (short) 1);
        counts = a.describeTopics(List.of(Topics.FEATURES.name(), Topics.MONTH_CLOSED.name())).allTopicNames().get()
            .values().stream().collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
      }
      assertThat(counts.get(Topics.FEATURES.name())).isEqualTo(3);
      var props = KafkaClientConfigs.consumer(stack.bootstrapServers(), "topic-partitions-it", null);
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> expected = Stream.of(Topics.MONTH_CLOSED.name(), Topics.FEATURES.name())
            .flatMap(t -> IntStream.range(0, counts.get(t)).mapToObj(p -> new TopicPartition(t, p))).toList();
        assertThat(TopicPartitions.of(consumer, Topics.MONTH_CLOSED.name(), Topics.FEATURES.name())).isEqualTo(expected);

        assertThatThrownBy(() -> TopicPartitions.of(consumer, Topics.MONTH_CLOSED.name(), "no.such.topic.v1"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("topic no.such.topic.v1 does not exist on the broker");
      }
    }
  }
}
