package uk.patrolcast.platform.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.patrolcast.platform.stack.LocalStack;

/** A command pointed at a cluster finds out at once whether one answers there, and says so plainly. */
class KafkaClusterIT {

  @Test
  void aRunningBrokerAnswersAndTheSameAddressAfterItStopsIsRefusedByName() {
    String address;
    try (LocalStack stack = LocalStack.startTemporary()) {
      address = stack.bootstrapServers();
      assertThatCode(() -> KafkaCluster.requireReachable(address, Duration.ofSeconds(10))).doesNotThrowAnyException();
    }
    assertThatThrownBy(() -> KafkaCluster.requireReachable(address, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("No Kafka broker answers at " + address + " (waited 2 s)")
        .hasMessageContaining("--bootstrap");
  }

  @Test
  void anAddressThatCannotBeUsedIsRefusedWithKafkasReason() {
    assertThatThrownBy(() -> KafkaCluster.requireReachable("no-such-host.invalid:9092", Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot use the Kafka address no-such-host.invalid:9092: No resolvable bootstrap urls");
  }
}
