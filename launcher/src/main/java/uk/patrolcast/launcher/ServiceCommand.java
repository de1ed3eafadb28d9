package uk.patrolcast.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.KafkaCluster;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.service.ServiceEndpoints;
import uk.patrolcast.schemas.Topics;

/** One service alone, as deployed (one container per service): {@code patrolcast ingest --bootstrap ...}. */
abstract class ServiceCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory (laid out like shared/data).")
  Path data;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the health, metrics and query endpoints (default: any free port; console: 8080).")
  Integer httpPort;

  @Option(names = "--http-host", paramLabel = "HOST", description = "Address to bind the endpoints to (default 127.0.0.1).")
  String httpHost;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Local state directory.")
  Path stateDir;

  abstract ServiceKind kind();

  @Override
  public Integer call() throws Exception {
    Map<String, Object> values = new HashMap<>(connection.commandLineValues());
    if (data != null) {
      values.put(ServiceConfig.DATA_DIR, data.toAbsolutePath().toString());
    }
    if (stateDir != null) {
      values.put(ServiceConfig.STATE_DIR, stateDir.toAbsolutePath().toString());
    }
    if (httpHost != null) {
      values.put(ServiceConfig.HTTP_HOST, httpHost);
    }
    if (kind() == ServiceKind.CONSOLE) {
      values.putIfAbsent(ServiceConfig.HTTP_PORT, httpPort == null ? "8080" : httpPort.toString());
    } else if (httpPort != null) {
      values.put(ServiceConfig.HTTP_PORT, httpPort.toString());
    }
    Map<String, String> file = connection.fileValues();
    ServiceConfig config = new ServiceConfig(kind().definition, ServiceConfig.merge(kind().definition, file, System.getenv(), values));
    // As long as provisioning waited for the broker before: a supervisor starting services beside
    // Kafka (docker compose) restarts a service that gives up.
    KafkaCluster.requireReachable(config.bootstrapServers(), Duration.ofSeconds(30));
    Properties adminProps = new Properties();
    adminProps.put("bootstrap.servers", config.bootstrapServers());
    try (Admin admin = Admin.create(adminProps)) {
      TopicProvisioning.ensure(admin, Topics.ALL, config.topicPartitions(), config.topicReplicationFactor());
    }
    // The console (pages), the feature stream (queries) and the allocator (what-if) serve health and
    // metrics beside their own routes on their port; the others get a separate health/metrics server.
    ServiceEndpoints endpoints = kind() == ServiceKind.CONSOLE || kind() == ServiceKind.FEATURES || kind() == ServiceKind.ALLOCATE ? null
        : ServiceEndpoints.start(config.httpHost(), config.httpPort(), kind().command);
    Pipeline pipeline = new Pipeline(endpoints);
    PatrolcastService service = pipeline.start(kind(), file, System.getenv(), values);
    Daemon daemon = Daemon.onStop(service.name(), () -> {
      pipeline.close();
      if (endpoints != null) {
        endpoints.close();
      }
    });
    System.out.println(service.name() + " running" + (endpoints == null ? "" : "; health and metrics at " + endpoints.url()) + ". Ctrl-C stops it.");
    if (!daemon.serveWhileAlive(service, Duration.ofSeconds(1))) {
      System.err.println("patrolcast " + kind().command + ": the service stopped working (" + service.status().get("failure")
          + "); exiting so that a supervisor restarts it");
      return 1;
    }
    return 0;
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Run the ingest service alone: police.uk files, the police.uk API and reference data into Kafka.")
  static final class Ingest extends ServiceCommand {
    @Override
    ServiceKind kind() {
      return ServiceKind.INGEST;
    }
  }

  @Command(name = "features", mixinStandardHelpOptions = true,
      description = "Run the feature stream alone (Kafka Streams): records to complete monthly feature snapshots.")
  static final class Features extends ServiceCommand {
    @Override
    ServiceKind kind() {
      return ServiceKind.FEATURES;
    }
  }

  @Command(name = "forecast", mixinStandardHelpOptions = true,
      description = "Run the forecast service alone: risk model, XGBoost forecasts, evaluations.")
  static final class Forecast extends ServiceCommand {
    @Override
    ServiceKind kind() {
      return ServiceKind.FORECAST;
    }
  }

  @Command(name = "allocate", mixinStandardHelpOptions = true,
      description = "Run the allocator alone: patrol-hour plans on every forecast, and what-if answers.")
  static final class Allocate extends ServiceCommand {
    @Override
    ServiceKind kind() {
      return ServiceKind.ALLOCATE;
    }
  }

  @Command(name = "console", mixinStandardHelpOptions = true,
      description = "Run the web console alone (default http://127.0.0.1:8080).")
  static final class Console extends ServiceCommand {
    @Override
    ServiceKind kind() {
      return ServiceKind.CONSOLE;
    }
  }
}
