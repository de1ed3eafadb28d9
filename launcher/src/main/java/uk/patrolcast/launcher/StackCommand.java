package uk.patrolcast.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.patrolcast.platform.kafka.SchemaRoundTrip;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.stack.LocalKafka;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * {@code patrolcast stack}: only the embedded Kafka broker and development schema registry, with
 * the topics created, for services started separately (one per terminal, or one per process in the
 * failure tests).
 */
@Command(name = "stack", mixinStandardHelpOptions = true,
    description = "Run only the embedded Kafka broker and schema registry (persistent in --state-dir) with the topics created; Ctrl-C stops it.")
final class StackCommand implements Callable<Integer> {

  @Option(names = "--state-dir", defaultValue = ".patrolcast", paramLabel = "DIR", description = "Where the broker keeps its data (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "PORT", description = "Kafka port on 127.0.0.1 (default: ${DEFAULT-VALUE}; the controller takes the next one).")
  int kafkaPort;

  @Option(names = "--registry-port", defaultValue = "8081", paramLabel = "PORT", description = "Schema registry port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--no-registry", description = "Run the broker only; run the registry as its own process ('patrolcast registry --bootstrap ..').")
  boolean noRegistry;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(stateDir);
    if (noRegistry) {
      return brokerOnly();
    }
    LocalStack stack = LocalStack.startPersistent(stateDir.resolve("stack"), kafkaPort, kafkaPort == 0 ? 0 : kafkaPort + 1, registryPort);
    try {
      Properties p = new Properties();
      p.put("bootstrap.servers", stack.bootstrapServers());
      try (Admin admin = Admin.create(p)) {
        TopicProvisioning.ensureAll(admin);
      }
      SchemaRoundTrip.run(stack.bootstrapServers(), new SchemaRegistryClient(stack.schemaRegistryUrl()));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    Daemon daemon = Daemon.onStop("stack", stack::close);
    System.out.println("Stack is up: Kafka " + stack.bootstrapServers() + ", schema registry " + stack.schemaRegistryUrl() + ". Ctrl-C stops it.");
    daemon.awaitStop();
    return 0;
  }

  /** The broker alone (the same directory as with the registry), with the topics created. */
  private int brokerOnly() throws InterruptedException {
    LocalKafka kafka = LocalKafka.start(stateDir.resolve("stack").resolve("kafka"), kafkaPort, kafkaPort == 0 ? 0 : kafkaPort + 1, Map.of());
    try {
      Properties p = new Properties();
      p.put("bootstrap.servers", kafka.bootstrapServers());
      try (Admin admin = Admin.create(p)) {
        // Without the registry's start in between, describing just-created topics can race their
        // metadata ("does not host this topic-partition"): try again a few times.
        for (int attempt = 1; ; attempt++) {
          try {
            TopicProvisioning.ensureAll(admin);
            break;
          } catch (IllegalStateException e) {
            if (attempt == 5) {
              throw e;
            }
            Thread.sleep(1_000L * attempt);
          }
        }
      }
    } catch (RuntimeException | InterruptedException e) {
      kafka.close();
      throw e;
    }
    Daemon daemon = Daemon.onStop("broker", kafka::close);
    System.out.println("Stack is up: Kafka " + kafka.bootstrapServers() + ", no schema registry (run 'patrolcast registry --bootstrap "
        + kafka.bootstrapServers() + "'). Ctrl-C stops it.");
    daemon.awaitStop();
    return 0;
  }
}
