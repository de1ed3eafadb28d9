package uk.patrolcast.platform.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.common.TransactionVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) inside this JVM, bound to
 * 127.0.0.1. Its log directory is formatted on first start and reused afterwards, so a persistent
 * directory survives restarts. Transactions (exactly-once v2) work: the internal topics have
 * replication factor and min ISR 1; the transaction protocol is version 1 (see {@link #format}).
 *
 * <p>Uses the broker's internal classes ({@link KafkaRaftServer}, {@link Formatter}), which is why the
 * Kafka version is pinned in one place.
 */
public final class LocalKafka implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
  private static final int NODE_ID = 1;

  private final Path logDir;
  private final int brokerPort;
  private final int controllerPort;
  private final KafkaRaftServer server;
  private volatile boolean closed;

  private LocalKafka(Path logDir, int brokerPort, int controllerPort, KafkaRaftServer server) {
    this.logDir = logDir;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.server = server;
  }

  /**
   * Formats {@code logDir} if needed and starts the broker; returns once it answers clients.
   *
   * @param brokerPort client port on 127.0.0.1, 0 for a free one
   * @param controllerPort controller port on 127.0.0.1, 0 for a free one
   * @param overrides further broker configs
   */
  public static LocalKafka start(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
    long started = System.nanoTime();
    if (brokerPort != 0 && brokerPort == controllerPort) {
      throw new IllegalArgumentException("The Kafka broker and controller need two ports, got " + brokerPort + " for both");
    }
    int[] free = FreePorts.pick(2, brokerPort, controllerPort);
    int bport = brokerPort == 0 ? free[0] : FreePorts.requireFree(brokerPort, "Kafka broker");
    int cport = controllerPort == 0 ? free[1] : FreePorts.requireFree(controllerPort, "Kafka controller");
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the Kafka log directory " + logDir + ": " + e.getMessage(), e);
    }
    Properties props = brokerProperties(logDir, bport, cport);
    overrides.forEach(props::setProperty);
    KafkaConfig config = new KafkaConfig(props, false);
    format(logDir);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      throw new IllegalStateException("Kafka broker failed to start in " + logDir + ": " + e.getMessage(), e);
    }
    LocalKafka kafka = new LocalKafka(logDir, bport, cport, server);
    kafka.awaitReady(Duration.ofSeconds(60));
    log.info("Kafka broker up on 127.0.0.1:{} in {} ms (data in {})", bport,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDir);
    return kafka;
  }

  static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", Integer.toString(NODE_ID));
    p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("metadata.log.dir", logDir.toAbsolutePath().toString());
    // One node: every internal topic must live with a single replica, or transactions and groups stall.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "4");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "4");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("default.replication.factor", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("num.partitions", "1");
    // Plans for every LSOA are a few MB; the topic-level limit is set per topic, this is the ceiling.
    p.setProperty("message.max.bytes", Integer.toString(32 << 20));
    p.setProperty("replica.fetch.max.bytes", Integer.toString(32 << 20));
    // Small machine: fewer threads and a small cleaner buffer.
    p.setProperty("num.network.threads", "2");
    p.setProperty("num.io.threads", "4");
    p.setProperty("background.threads", "4");
    p.setProperty("log.cleaner.threads", "1");
    p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 << 20));
    p.setProperty("log.segment.bytes", Integer.toString(64 << 20));
    p.setProperty("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    p.setProperty("controlled.shutdown.enable", "true");
    p.setProperty("server.max.startup.time.ms", Long.toString(TimeUnit.MINUTES.toMillis(5)));
    return p;
  }

  private static void format(Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return; // formatted by an earlier start: keep its data
    }
    try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
      new Formatter()
          .setPrintStream(quiet)
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .addDirectory(logDir.toAbsolutePath().toString())
          .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          // Transactions v1 (no epoch bump per transaction), as Kafka 3.x ran them. Under load the
          // 4.4 coordinator with transactions v2 refused a retried commit of a transaction it had
          // just committed ("state is COMPLETE_COMMIT, but received transaction marker result to
          // send: COMMIT"), fatal for the producer (InvalidTxnStateException; seen in CI), and v2
          // is also where KAFKA-15591 / KAFKA-18202 live (see KafkaClientConfigs.streams). Clients
          // work with either; a directory formatted earlier keeps the version it has.
          .setFeatureLevel(TransactionVersion.FEATURE_NAME, TransactionVersion.TV_1.featureLevel())
          .setControllerListenerName("CONTROLLER")
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
    }
  }

  private void awaitReady(Duration timeout) {
    Properties p = new Properties();
    p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          admin.listTopics().names().get(5, TimeUnit.SECONDS);
          return;
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            close();
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " not ready after " + timeout, e);
          }
          sleep(100);
        }
      }
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  public int brokerPort() {
    return brokerPort;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path logDir() {
    return logDir;
  }

  /** Controlled shutdown; waits until the broker has stopped. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long started = System.nanoTime();
    server.shutdown();
    server.awaitShutdown();
    log.info("Kafka broker on 127.0.0.1:{} stopped in {} ms", brokerPort,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
