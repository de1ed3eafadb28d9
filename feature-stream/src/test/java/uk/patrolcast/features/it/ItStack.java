package uk.patrolcast.features.it;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Predicate;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.bench.ProvisionedStack;
import uk.patrolcast.features.stream.SnapshotReadyWatcher;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;

/** A provisioned temporary stack, and what the integration tests read from it. */
final class ItStack extends ProvisionedStack {

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
}
