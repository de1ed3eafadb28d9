package uk.patrolcast.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** The partitions of topics as the broker has them, for consumers that assign partitions themselves. */
public final class TopicPartitions {
  private TopicPartitions() {}

  /**
   * Every partition of {@code topics}, topic by topic in the order given, each topic's in partition
   * order. A topic the broker does not have is refused by name: assigning nothing would leave a
   * service waiting on a topic that never fills.
   */
  public static List<TopicPartition> of(Consumer<?, ?> consumer, String... topics) {
    List<TopicPartition> out = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic
            + " does not exist on the broker (patrolcast up and run create the catalogue's topics; see TopicProvisioning)");
      }
      infos.stream().map(i -> new TopicPartition(topic, i.partition()))
          .sorted(Comparator.comparingInt(TopicPartition::partition)).forEach(out::add);
    }
    return out;
  }
}
