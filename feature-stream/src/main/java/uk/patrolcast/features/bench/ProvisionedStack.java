package uk.patrolcast.features.bench;

import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/** A temporary local stack holding the catalogue's topics, with a registry client: for the benchmark and the tests. */
public class ProvisionedStack implements AutoCloseable {
  public final LocalStack stack = LocalStack.startTemporary();
  public final SchemaRegistryClient registry;

  public ProvisionedStack() {
    Properties admin = new Properties();
    admin.put("bootstrap.servers", stack.bootstrapServers());
    try (Admin a = Admin.create(admin)) {
      TopicProvisioning.ensureAll(a);
    } catch (RuntimeException e) {
      // Nobody else can close it: a broker left running keeps the JVM alive after main ends.
      stack.close();
      throw e;
    }
    registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
  }

  public String bootstrap() {
    return stack.bootstrapServers();
  }

  public String registryUrl() {
    return stack.schemaRegistryUrl();
  }

  @Override
  public void close() {
    stack.close();
  }
}
