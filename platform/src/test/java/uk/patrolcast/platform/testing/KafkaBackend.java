package uk.patrolcast.platform.testing;

import org.testcontainers.kafka.KafkaContainer;
import uk.patrolcast.platform.registry.DevSchemaRegistry;
import uk.patrolcast.platform.stack.LocalStack;

/**
 * A Kafka broker and a schema registry for integration tests: the in-process local stack by default,
 * or a Testcontainers broker (with the development registry beside it) on machines with Docker.
 */
public interface KafkaBackend extends AutoCloseable {

  String bootstrapServers();

  String schemaRegistryUrl();

  @Override
  void close();

  /** The in-process KRaft broker and development registry (works everywhere). */
  static KafkaBackend local() {
    LocalStack stack = LocalStack.startTemporary();
    return new KafkaBackend() {
      @Override
      public String bootstrapServers() {
        return stack.bootstrapServers();
      }

      @Override
      public String schemaRegistryUrl() {
        return stack.schemaRegistryUrl();
      }

      @Override
      public void close() {
        stack.close();
      }
    };
  }

  /** The apache/kafka image through Testcontainers (needs Docker). */
  static KafkaBackend container() {
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.4.0");
    kafka.start();
    DevSchemaRegistry registry = DevSchemaRegistry.start(kafka.getBootstrapServers(), "127.0.0.1", 0);
    return new KafkaBackend() {
      @Override
      public String bootstrapServers() {
        return kafka.getBootstrapServers();
      }

      @Override
      public String schemaRegistryUrl() {
        return registry.url();
      }

      @Override
      public void close() {
        registry.close();
        kafka.stop();
      }
    };
  }
}
