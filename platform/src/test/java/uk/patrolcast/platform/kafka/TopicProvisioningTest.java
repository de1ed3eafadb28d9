package uk.patrolcast.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** Provisioning's wait for topics that the broker does not know yet right after their creation. */
class TopicProvisioningTest {

  @Test
  void aStepFailingOnAnUnknownTopicIsRunAgainUntilItSucceeds() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    TopicProvisioning.untilKnown(() -> {
      if (runs.incrementAndGet() < 3) {
        throw new ExecutionException(new UnknownTopicOrPartitionException("This server does not host this topic-partition."));
      }
    }, Duration.ofSeconds(10));
    assertThat(runs).hasValue(3);
  }

  @Test
  void anyOtherFailureIsThrownAtOnce() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> TopicProvisioning.untilKnown(() -> {
      runs.incrementAndGet();
      throw new ExecutionException(new TopicAuthorizationException("denied"));
    }, Duration.ofSeconds(10))).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
    assertThat(runs).hasValue(1);
  }

  @Test
  void aTopicThatStaysUnknownFailsOncePatienceIsSpent() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> TopicProvisioning.untilKnown(() -> {
      runs.incrementAndGet();
      throw new ExecutionException(new UnknownTopicOrPartitionException("unknown"));
    }, Duration.ofMillis(500))).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
    assertThat(runs.get()).isBetween(2, 5);
  }
}
