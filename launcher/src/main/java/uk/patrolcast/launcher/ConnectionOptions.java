package uk.patrolcast.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;
import uk.patrolcast.platform.config.ServiceConfig;

/** Options every command that talks to Kafka shares: where the broker and registry are, and config. */
public final class ConnectionOptions {

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (else PATROLCAST_BOOTSTRAP_SERVERS, else 127.0.0.1:9092; up without it runs its own broker).")
  String bootstrap;

  @Option(names = "--schema-registry", paramLabel = "URL", description = "Schema registry URL, Confluent API (else PATROLCAST_SCHEMA_REGISTRY_URL, else http://127.0.0.1:8081; up uses it with --bootstrap).")
  String schemaRegistry;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (keys as in the README).")
  Path configFile;

  @Option(names = "-D", paramLabel = "KEY=VALUE", description = "A setting, e.g. -D allocator.budget.hours.per.day.per.lsoa=1.6 (repeatable; an unknown key is refused).")
  Map<String, String> settings = new LinkedHashMap<>();

  /** Values given on the command line: the settings, then the connection options (highest). */
  Map<String, Object> commandLineValues() {
    KnownSettings.requireValidCommandLine(settings);
    Map<String, Object> values = new HashMap<>(settings);
    if (bootstrap != null) {
      values.put(ServiceConfig.BOOTSTRAP_SERVERS, bootstrap);
    }
    if (schemaRegistry != null) {
      values.put(ServiceConfig.SCHEMA_REGISTRY_URL, schemaRegistry);
    }
    return values;
  }

  /** Values of the --config file (empty without one). */
  Map<String, String> fileValues() {
    return settingsFile(configFile);
  }

  /** The settings of a properties file (empty for null); a clear message when it cannot be read. */
  public static Map<String, String> settingsFile(Path configFile) {
    if (configFile == null) {
      return Map.of();
    }
    if (!Files.isReadable(configFile)) {
      throw new IllegalArgumentException("Config file " + configFile + " does not exist or cannot be read");
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(configFile)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read config file " + configFile + ": " + e.getMessage(), e);
    }
    Map<String, String> out = new HashMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    KnownSettings.requireValid(out, "config file " + configFile);
    return out;
  }
}
