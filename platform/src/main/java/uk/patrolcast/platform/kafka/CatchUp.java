package uk.patrolcast.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The end offsets of partitions a service reads from the beginning to rebuild its state, taken once
 * at start. A service acts on that state only after its consumer has reached them: before, it holds
 * whatever the fetches happened to return first (a month's rows without the areas' profiles, say),
 * and a model trained or a plan made from that would differ from an uninterrupted run's. With
 * read_committed the ends are the last stable offsets, which a consumer's position reaches.
 */
public final class CatchUp {
  private final Map<TopicPartition, Long> ends;
  private boolean reached;

  private CatchUp(Map<TopicPartition, Long> ends) {
    this.ends = Map.copyOf(ends);
  }

  /** The current ends of {@code partitions} (already assigned to {@code consumer}). */
  public static CatchUp of(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    return new CatchUp(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
  }

  /** Whether the consumer has read up to the ends taken at start (once true, stays true). */
  public boolean reached(Consumer<?, ?> consumer) {
    if (!reached) {
      reached = ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
    return reached;
  }

  /** Whether the consumer has read {@code partitions} up to their ends now. */
  public static boolean readToEnd(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    return of(consumer, partitions).reached(consumer);
  }
}
