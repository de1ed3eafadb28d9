package uk.patrolcast.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;

/** docker-compose.yml stays in step with the services, the topic catalogue and the loopback rule. */
class DockerComposeTest {
  static Map<String, Map<String, Object>> services;
  static Map<String, Object> kafkaEnv;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of("../docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(in);
      services = (Map<String, Map<String, Object>>) compose.get("services");
    }
    kafkaEnv = env("kafka");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> env(String service) {
    return (Map<String, Object>) services.get(service).get("environment");
  }

  @SuppressWarnings("unchecked")
  static List<String> list(String service, String key) {
    Object v = services.get(service).get(key);
    return v == null ? List.of() : (List<String>) v;
  }

  @Test
  void everyServiceRunsItsOwnSubcommandAgainstTheBrokerAndRegistry() {
    String internal = listener(String.valueOf(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")), "INTERNAL");
    String registryPort = URI.create(String.valueOf(env("schema-registry").get("SCHEMA_REGISTRY_LISTENERS"))).getPort() + "";
    for (ServiceKind kind : ServiceKind.values()) {
      assertThat(services).as("service %s", kind.command).containsKey(kind.command);
      assertThat(list(kind.command, "command")).first().isEqualTo(kind.command);
      Map<String, Object> env = env(kind.command);
      assertThat(env.get("PATROLCAST_BOOTSTRAP_SERVERS")).isEqualTo(internal);
      assertThat(env.get("PATROLCAST_SCHEMA_REGISTRY_URL")).isEqualTo("http://schema-registry:" + registryPort);
      assertThat(services.get(kind.command).get("depends_on")).asString().contains("topics");
    }
    assertThat(list("topics", "command")).containsExactly("topics", "--create");
  }

  @Test
  void usesTheRealComponentsAtThePinnedVersions() {
    String kafkaVersion = Patrolcast.versions().getProperty("kafka", "");
    assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
    assertThat(String.valueOf(services.get("schema-registry").get("image"))).startsWith("confluentinc/cp-schema-registry:");
    assertThat(String.valueOf(services.get("kafka-ui").get("image"))).startsWith("ghcr.io/kafbat/kafka-ui:");
    assertThat(env("kafka-ui").get("KAFKA_CLUSTERS_0_SCHEMAREGISTRY")).isEqualTo(env("console").get("PATROLCAST_SCHEMA_REGISTRY_URL"));
    assertThat(String.valueOf(env("schema-registry").get("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL"))).isEqualToIgnoringCase("backward_transitive");
  }

  @Test
  void brokerAcceptsTheLargestValueTheCatalogueAllows() {
    assertThat(kafkaEnv.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    long largest = 0;
    for (TopicSpec<?> t : Topics.ALL) {
      largest = Math.max(largest, Long.parseLong(t.topicConfigs().getOrDefault("max.message.bytes", "0")));
    }
    assertThat(Long.parseLong(String.valueOf(kafkaEnv.get("KAFKA_MESSAGE_MAX_BYTES")))).isGreaterThanOrEqualTo(largest);
  }

  @Test
  void hostPortsAreOnLoopbackAndDoNotClash() {
    Set<String> hostPorts = new HashSet<>();
    List<String> all = new ArrayList<>();
    for (String name : services.keySet()) {
      for (String mapping : list(name, "ports")) {
        assertThat(mapping).as("%s publishes %s", name, mapping).startsWith("127.0.0.1:");
        String hostPort = mapping.split(":")[1];
        all.add(name + "=" + hostPort);
        assertThat(hostPorts.add(hostPort)).as("host port %s used twice: %s", hostPort, all).isTrue();
      }
    }
    assertThat(hostPorts).contains("8080", "9092", "8081");
  }

  private static String listener(String listeners, String name) {
    for (String l : listeners.split(",")) {
      if (l.startsWith(name + "://")) {
        return l.substring(name.length() + 3);
      }
    }
    throw new AssertionError("no " + name + " listener in " + listeners);
  }
}
