package uk.patrolcast.features.it;

import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.features.bench.InputPublisher;
import uk.patrolcast.features.bench.ProvisionedStack;
import uk.patrolcast.features.bench.SyntheticCrimes;
import uk.patrolcast.features.stream.SnapshotReadyWatcher;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;

/** A provisioned temporary stack, and what the integration tests read from it. */
final class ItStack extends ProvisionedStack {

  /**
   * The profiles, then {@code months} months of {@code crimes} from {@code first}, each with its
   * MonthClosed in one transaction, as ingest publishes them; returns the records per
   * {@code lsoa:month} (the features' keys).
   */
  Map<String, Integer> publishMonths(List<LsoaProfile> areas, SyntheticCrimes crimes, YearMonth first, int months, String transactionalId) {
    Map<String, Integer> expected = new HashMap<>();
    try (InputPublisher in = new InputPublisher(bootstrap(), registry, transactionalId)) {
      in.profiles(areas);
      for (int i = 0; i < months; i++) {
        List<CrimeRecord> records = crimes.month(first.plusMonths(i));
        records.forEach(r -> expected.merge(r.getLsoa21cd() + ":" + r.getMonth(), 1, Integer::sum));
        in.month(records, CrimeRecords.closing(records.get(0).getMonth(), 1, records, areas.size()));
      }
    }
    return expected;
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
}
