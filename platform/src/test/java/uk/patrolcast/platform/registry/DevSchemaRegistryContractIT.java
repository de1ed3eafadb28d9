package uk.patrolcast.platform.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import uk.patrolcast.platform.stack.LocalStack;

/** The registry contract against our development registry (state in Kafka). */
class DevSchemaRegistryContractIT extends SchemaRegistryContract {
  static LocalStack stack;

  @BeforeAll
  static void start() {
    stack = LocalStack.startTemporary();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Override
  String registryUrl() {
    return stack.schemaRegistryUrl();
  }
}
