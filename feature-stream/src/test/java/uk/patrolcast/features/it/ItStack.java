package uk.patrolcast.features.it;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.stream.SnapshotReadyWatcher;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/** A temporary local stack with the catalogue's topics, and what the integration tests read from it. */
final class ItStack implements AutoCloseable {
  final LocalStack stack = LocalStack.startTemporary();
  final SchemaRegistryClient registry;

  ItStack() {
    Properties admin = new Properties();
    admin.put("bootstrap.servers", stack.bootstrapServers());
    try (Admin a = Admin.create(admin)) {
      TopicProvisioning.ensureAll(a);
    }
    registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
  }

  String bootstrap() {
    return stack.bootstrapServers();
  }

  Map<String, LsoaMonthFeatures> features() {
    return TopicReader.latest(bootstrap(), registry, Topics.FEATURES);
  }

  /** Waits (at most {@code timeout}) until the committed SnapshotReady events satisfy {@code done}. */
  void awaitReadies(Duration timeout, Predicate<Map<YearMonth, SnapshotReady>> done) throws InterruptedException {
    try (SnapshotReadyWatcher watcher = SnapshotReadyWatcher.start(bootstrap(), registry, "it-await")) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(watcher.latest())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Timed out after " + timeout + "; committed snapshots: " + watcher.committedRevisions());
        }
        Thread.sleep(200);
      }
    }
  }

  @Override
  public void close() {
    stack.close();
  }
}
