package uk.patrolcast.platform.kafka;

import uk.patrolcast.platform.testing.KafkaBackend;

/** The platform contract on the in-process KRaft broker (the default everywhere). */
class LocalKafkaPlatformIT extends KafkaPlatformContract {
  @Override
  KafkaBackend startBackend() {
    return KafkaBackend.local();
  }
}
