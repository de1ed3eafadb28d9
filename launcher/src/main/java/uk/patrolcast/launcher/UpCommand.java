package uk.patrolcast.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.KafkaCluster;
import uk.patrolcast.platform.kafka.SchemaRoundTrip;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.service.ServiceEndpoints;
import uk.patrolcast.platform.stack.FreePorts;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/** {@code patrolcast up}: the whole system on this machine until Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the embedded stack (Kafka + schema registry), every service and the console; ingest DIR; keep running.",
      "With --bootstrap/--schema-registry it connects to an existing Kafka and registry instead.",
      "Data and state persist in --state-dir across restarts."
    })
final class UpCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(UpCommand.class);

  @Mixin ConnectionOptions connection;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory to ingest (laid out like shared/data).")
  Path data;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Console port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--health-port", defaultValue = "8082", paramLabel = "PORT", description = "Health and metrics port (default: ${DEFAULT-VALUE}).")
  int healthPort;

  @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "PORT", description = "Embedded Kafka port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int kafkaPort;

  @Option(names = "--registry-port", defaultValue = "8081", paramLabel = "PORT", description = "Embedded schema registry port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int registryPort;

  @Option(names = "--state-dir", defaultValue = ".patrolcast", paramLabel = "DIR", description = "Where the embedded stack and the services keep their data (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--pace", paramLabel = "DURATION", description = "Replay input months one by one with this pause (e.g. 5s), as if police.uk published them live.")
  String pace;

  @Override
  public Integer call() throws Exception {
    if (data != null) {
      new DataLayout(data).requireInputs("police", "lsoa-universe");
    }
    FreePorts.requireFree(port, "Console");
    FreePorts.requireFree(healthPort, "Health endpoint");
    boolean embedded = connection.bootstrap == null;
    LocalStack stack = null;
    if (embedded) {
      Files.createDirectories(stateDir);
      stack = LocalStack.startPersistent(stateDir.resolve("stack"), kafkaPort, kafkaPort == 0 ? 0 : kafkaPort + 1, registryPort);
    }
    Map<String, Object> commandLine = new HashMap<>(connection.commandLineValues());
    if (stack != null) {
      commandLine.put(ServiceConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
      commandLine.put(ServiceConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    }
    if (data != null) {
      commandLine.put(ServiceConfig.DATA_DIR, data.toAbsolutePath().toString());
    }
    commandLine.put(ServiceConfig.STATE_DIR, stateDir.resolve("state").toAbsolutePath().toString());
    commandLine.put(RunCommand.MODE, "up");
    if (pace != null) {
      commandLine.put("ingest.pace", pace);
    }
    String bootstrap = (String) commandLine.getOrDefault(ServiceConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
    String registryUrl = (String) commandLine.getOrDefault(ServiceConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081");
    if (!embedded) {
      KafkaCluster.requireReachable(bootstrap, Duration.ofSeconds(30));
    }
    Properties adminProps = new Properties();
    adminProps.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(adminProps)) {
      TopicProvisioning.ensureAll(admin);
    }
    SchemaRoundTrip.run(bootstrap, new SchemaRegistryClient(registryUrl));

    ServiceEndpoints endpoints = ServiceEndpoints.start("127.0.0.1", healthPort, "patrolcast-health");
    Pipeline pipeline = new Pipeline(endpoints);
    Map<String, String> file = connection.fileValues();
    try {
      for (ServiceKind kind : ServiceKind.values()) {
        Map<String, Object> values = new HashMap<>(commandLine);
        if (kind == ServiceKind.CONSOLE) {
          values.put(ServiceConfig.HTTP_PORT, Integer.toString(port));
          // The services of this process answer on one health endpoint; the console shows it on Operations.
          values.putIfAbsent("console.health.urls", "pipeline=" + endpoints.url() + "/health/ready");
        }
        pipeline.start(kind, file, System.getenv(), values);
      }
    } catch (RuntimeException e) {
      pipeline.close();
      endpoints.close();
      if (stack != null) {
        stack.close();
      }
      throw e;
    }
    LocalStack toClose = stack;
    Daemon daemon = Daemon.onStop("patrolcast", () -> {
      pipeline.close();
      endpoints.close();
      if (toClose != null) {
        toClose.close();
      }
    });
    System.out.println("Patrolcast is up.");
    System.out.println("  console         http://127.0.0.1:" + port);
    System.out.println("  health/metrics  " + endpoints.url() + "/health/ready  " + endpoints.url() + "/metrics");
    System.out.println("  Kafka           " + bootstrap);
    System.out.println("  schema registry " + registryUrl);
    if (System.getenv("PATROLCAST_CONSOLE_TOKEN") == null && !file.containsKey("console.token") && !commandLine.containsKey("console.token")) {
      System.out.println("  (console is read-only: set PATROLCAST_CONSOLE_TOKEN or -D console.token=... to enable what-if)");
    }
    System.out.println("Press Ctrl-C to stop.");
    daemon.awaitStop();
    return 0;
  }
}
