package uk.patrolcast.platform.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.files.FileTree;
import uk.patrolcast.platform.registry.DevSchemaRegistry;

/**
 * The local development stack: a real KRaft broker and the development schema registry, both in this
 * JVM on 127.0.0.1. Temporary (a fresh directory deleted on close, free ports) for tests and
 * {@code patrolcast run}; persistent (a directory kept across restarts, fixed ports) for
 * {@code patrolcast up}.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final Path dir;
  private final boolean temporary;
  private final LocalKafka kafka;
  private final DevSchemaRegistry registry;
  private final long startMillis;

  private LocalStack(Path dir, boolean temporary, LocalKafka kafka, DevSchemaRegistry registry, long startMillis) {
    this.dir = dir;
    this.temporary = temporary;
    this.kafka = kafka;
    this.registry = registry;
    this.startMillis = startMillis;
  }

  /** A throw-away stack on free ports; its directory is deleted on close. */
  public static LocalStack startTemporary() {
    try {
      return start(Files.createTempDirectory("patrolcast-stack-"), true, 0, 0, 0, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory for the local stack", e);
    }
  }

  /**
   * A stack keeping its data in {@code dir} across restarts.
   *
   * @param kafkaPort client port (0 for a free one)
   * @param controllerPort controller port (0 for a free one)
   * @param registryPort registry port (0 for a free one)
   */
  public static LocalStack startPersistent(Path dir, int kafkaPort, int controllerPort, int registryPort) {
    return start(dir, false, kafkaPort, controllerPort, registryPort, Map.of());
  }

  public static LocalStack start(
      Path dir, boolean temporary, int kafkaPort, int controllerPort, int registryPort, Map<String, String> brokerOverrides) {
    long started = System.nanoTime();
    if (registryPort != 0) {
      FreePorts.requireFree(registryPort, "Schema registry");
    }
    LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort, brokerOverrides);
    DevSchemaRegistry registry;
    try {
      registry = DevSchemaRegistry.start(kafka.bootstrapServers(), "127.0.0.1", registryPort);
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    log.info("Local stack ready in {} ms: Kafka {} , schema registry {}", millis, kafka.bootstrapServers(), registry.url());
    return new LocalStack(dir, temporary, kafka, registry, millis);
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return registry.url();
  }

  public LocalKafka kafka() {
    return kafka;
  }

  public DevSchemaRegistry registry() {
    return registry;
  }

  public Path dir() {
    return dir;
  }

  /** Milliseconds it took to become ready. */
  public long startMillis() {
    return startMillis;
  }

  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      kafka.close();
      if (temporary) {
        FileTree.deleteQuietly(dir);
      }
    }
  }
}
