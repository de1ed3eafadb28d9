package uk.patrolcast.console;

import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.stack.LocalStack;

/** A temporary local stack (or any cluster) holding every catalogue topic, for the console's tests. */
public final class TestStack {
  private TestStack() {}

  /** A fresh temporary stack with the catalogue's topics. */
  public static LocalStack withTopics() {
    LocalStack stack = LocalStack.startTemporary();
    ensureTopics(stack.bootstrapServers());
    return stack;
  }

  /** Creates the catalogue's missing topics on the cluster at {@code bootstrapServers}. */
  public static void ensureTopics(String bootstrapServers) {
    Properties admin = new Properties();
    admin.put("bootstrap.servers", bootstrapServers);
    try (Admin a = Admin.create(admin)) {
      TopicProvisioning.ensureAll(a);
    }
  }
}
