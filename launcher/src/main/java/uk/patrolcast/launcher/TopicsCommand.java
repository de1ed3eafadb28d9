package uk.patrolcast.launcher;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.KafkaCluster;
import uk.patrolcast.platform.kafka.SchemaRoundTrip;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;

/** {@code patrolcast topics}: the topic catalogue, for people wiring consumers; {@code --create} sets it up on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Print the topic catalogue (names, keys, value schemas, partitions, policies); with --create, create the topics and register the schemas.")
final class TopicsCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @Option(names = "--create", description = "Create missing topics, apply their configs and register every schema (idempotent).")
  boolean create;

  @Override
  public Integer call() {
    if (create) {
      ServiceConfig config = new ServiceConfig(ServiceConfig.base(),
          ServiceConfig.merge(ServiceConfig.base(), connection.fileValues(), System.getenv(), connection.commandLineValues()));
      // docker compose runs this as soon as the Kafka container has started, before the broker listens.
      KafkaCluster.requireReachable(config.bootstrapServers(), Duration.ofSeconds(60));
      Properties p = new Properties();
      p.put("bootstrap.servers", config.bootstrapServers());
      try (Admin admin = Admin.create(p)) {
        TopicProvisioning.ensure(admin, Topics.ALL, config.topicPartitions(), config.topicReplicationFactor());
      }
      SchemaRoundTrip.run(config.bootstrapServers(), config.schemaRegistry());
      System.out.println("Created " + Topics.ALL.size() + " topics on " + config.bootstrapServers()
          + " and registered their schemas at " + config.schemaRegistryUrl());
      return 0;
    }
    System.out.printf("%-34s %-4s %-16s %-26s %s%n", "topic", "part", "policy", "value (Avro)", "key");
    for (TopicSpec<?> t : Topics.ALL) {
      System.out.printf("%-34s %-4d %-16s %-26s %s%n", t.name(), t.partitions(),
          t.cleanupPolicy() + (t.retentionMs() < 0 ? "" : " " + t.retentionMs() / 86_400_000 + "d"),
          t.valueType().getSimpleName(), t.keyDescription());
    }
    return 0;
  }
}
