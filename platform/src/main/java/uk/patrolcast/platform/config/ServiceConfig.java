package uk.patrolcast.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * Settings every service shares, typed, documented, with defaults and validation (Kafka's
 * {@link ConfigDef}). Each service extends {@link #base()} with its own keys. Values come, lowest
 * precedence first, from the defaults, a properties file, environment variables
 * ({@code PATROLCAST_BOOTSTRAP_SERVERS} for {@code bootstrap.servers}) and command-line options.
 */
public class ServiceConfig extends AbstractConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String SCHEMA_REGISTRY_AUTH = "schema.registry.basic.auth.user.info";
  public static final String SCHEMA_REGISTRY_ATTEMPTS = "schema.registry.attempts";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String STATE_DIR = "state.dir";
  public static final String DATA_DIR = "data.dir";
  public static final String TOPIC_PARTITIONS = "topic.partitions";
  public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
  public static final String INSTANCE_ID = "instance.id";

  /** The shared keys; services call {@code base().define(...)} to add theirs. */
  public static ConfigDef base() {
    return new ConfigDef()
        .define(BOOTSTRAP_SERVERS, Type.STRING, "127.0.0.1:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Kafka bootstrap servers, host:port[,host:port].")
        .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://127.0.0.1:8081", new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Schema registry base URL (Confluent API), e.g. http://127.0.0.1:8081 or http://host/apis/ccompat/v6.")
        .define(SCHEMA_REGISTRY_AUTH, Type.PASSWORD, null, Importance.LOW,
            "user:password for basic authentication at the schema registry, if it needs one.")
        .define(SCHEMA_REGISTRY_ATTEMPTS, Type.INT, 12, Range.between(1, 100), Importance.LOW,
            "Tries per schema registry call when it cannot be reached or answers 5xx (back-off 0.2 s doubling to 6.4 s;"
                + " 12 is about 45 s). After them a service reading a record waits for the registry with the record"
                + " unread (it never skips it); a publish fails.")
        .define(HTTP_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
            "Address the service's HTTP endpoints (health, metrics, queries) bind to. Loopback unless told otherwise.")
        .define(HTTP_PORT, Type.INT, 0, Range.between(0, 65535), Importance.MEDIUM,
            "Port of the service's HTTP endpoints; 0 picks a free one.")
        .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "patrolcast").toString(), Importance.MEDIUM,
            "Directory for local state (RocksDB stores, models, progress).")
        .define(DATA_DIR, Type.STRING, null, Importance.MEDIUM,
            "Data directory laid out like shared/data (police.uk files, lookups, boundaries).")
        .define(TOPIC_PARTITIONS, Type.INT, 0, Range.atLeast(0), Importance.LOW,
            "Partitions of every multi-partition topic; 0 keeps the catalogue's counts.")
        .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, Importance.LOW,
            "Replication factor of the topics the service creates (1 on a single broker).")
        .define(INSTANCE_ID, Type.STRING, "0", Importance.LOW,
            "Identity of this instance among several of the same service (part of transactional ids).");
  }

  public ServiceConfig(ConfigDef definition, Map<?, ?> values) {
    super(definition, values, false);
  }

  public String bootstrapServers() {
    return getString(BOOTSTRAP_SERVERS);
  }

  public String schemaRegistryUrl() {
    return getString(SCHEMA_REGISTRY_URL);
  }

  public String schemaRegistryAuth() {
    Password p = getPassword(SCHEMA_REGISTRY_AUTH);
    return p == null ? null : p.value();
  }

  /**
   * A client of the configured schema registry (one per service: it caches schemas). By default 12
   * attempts (back-off 0.2 s doubling to 6.4 s, about 45 s in all): a registry restart is ridden out
   * within a call.
   */
  public SchemaRegistryClient schemaRegistry() {
    return new SchemaRegistryClient(schemaRegistryUrl(), Duration.ofSeconds(10), getInt(SCHEMA_REGISTRY_ATTEMPTS), schemaRegistryAuth());
  }

  public String httpHost() {
    return getString(HTTP_HOST);
  }

  public int httpPort() {
    return getInt(HTTP_PORT);
  }

  public Path stateDir() {
    return Path.of(getString(STATE_DIR));
  }

  /** Whether a data directory is configured. */
  public boolean hasDataDir() {
    String dir = getString(DATA_DIR);
    return dir != null && !dir.isBlank();
  }

  /** The data directory; a clear error when it is needed and not set. */
  public Path dataDir() {
    String dir = getString(DATA_DIR);
    if (dir == null || dir.isBlank()) {
      throw new ConfigException(DATA_DIR, null, "no data directory given (use --data DIR or " + DATA_DIR + ")");
    }
    return Path.of(dir);
  }

  public int topicPartitions() {
    return getInt(TOPIC_PARTITIONS);
  }

  public short topicReplicationFactor() {
    return getShort(TOPIC_REPLICATION_FACTOR);
  }

  public String instanceId() {
    return getString(INSTANCE_ID);
  }

  /**
   * Merges values, later sources winning: {@code file} (may be empty), then environment variables
   * named {@code PATROLCAST_<KEY>} for every key of {@code definition}, then {@code overrides}.
   */
  public static Map<String, Object> merge(
      ConfigDef definition, Map<String, ?> file, Map<String, String> environment, Map<String, ?> overrides) {
    Map<String, Object> values = new HashMap<>(file);
    for (String key : definition.names()) {
      String env = environment.get(environmentName(key));
      if (env != null && !env.isBlank()) {
        values.put(key, env);
      }
    }
    values.putAll(overrides);
    return values;
  }

  /** {@code bootstrap.servers} → {@code PATROLCAST_BOOTSTRAP_SERVERS}. */
  public static String environmentName(String key) {
    return "PATROLCAST_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
