package uk.patrolcast.platform.kafka;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.patrolcast.platform.testing.KafkaBackend;

/** The same contract on the apache/kafka image via Testcontainers; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaPlatformIT extends KafkaPlatformContract {
  @Override
  KafkaBackend startBackend() {
    return KafkaBackend.container();
  }
}
