package uk.patrolcast.features.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.features.bench.InputPublisher;
import uk.patrolcast.features.bench.SyntheticCrimes;
import uk.patrolcast.features.bench.Universes;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;

/**
 * Exactly-once across a crash: the features service runs in a child JVM that is killed (SIGKILL)
 * mid-replay, while months and a correction keep arriving, then restarted on the same state
 * directory. Its final features must equal those of an uninterrupted run on another stack, and its
 * committed SnapshotReady events must show every revision of every month exactly once.
 */
class FeatureRestartIT {
  private static final Logger log = LoggerFactory.getLogger(FeatureRestartIT.class);
  private static final YearMonth FIRST = YearMonth.of(2015, 1);
  private static final int MONTHS = 30;
  private static final int CORRECTED = 4; // index of the month corrected after month 20
  private static final List<LsoaProfile> AREAS = Universes.grid(64, 3);

  @TempDir Path dir;

  /** One step of the input as ingest would publish it. */
  private record Step(List<CrimeRecord> records, List<String> retracted, YearMonth month, int revision, List<CrimeRecord> live) {}

  private static List<Step> scenario() {
    SyntheticCrimes crimes = new SyntheticCrimes(AREAS, 160, 17);
    List<Step> steps = new ArrayList<>();
    List<CrimeRecord> corrected = null;
    for (int i = 0; i < MONTHS; i++) {
      YearMonth m = FIRST.plusMonths(i);
      List<CrimeRecord> records = crimes.month(m);
      // Ingest may deliver a record twice (a retried send): it must count once.
      List<CrimeRecord> sent = new ArrayList<>(records);
      sent.addAll(records.subList(0, 3));
      steps.add(new Step(sent, List.of(), m, 1, records));
      if (i == CORRECTED) {
        corrected = records;
      }
      if (i == 20) {
        // police.uk re-publishes month 5: two records gone, one new.
        YearMonth cm = FIRST.plusMonths(CORRECTED);
        List<CrimeRecord> live = new ArrayList<>(corrected.subList(2, corrected.size()));
        CrimeRecord added = CrimeRecords.withId(cm.toString(), "late-addition", AREAS.get(10).getLsoa21cd());
        live.add(added);
        steps.add(new Step(List.of(added), List.of(corrected.get(0).getRecordKey(), corrected.get(1).getRecordKey()), cm, 2, live));
      }
    }
    return steps;
  }

  private static void publish(InputPublisher in, Step step) {
    in.month(step.records(), null);
    if (!step.retracted().isEmpty()) {
      in.retract(step.retracted(), CrimeRecords.closing(step.month().toString(), step.revision(), step.live(), AREAS.size()));
    } else {
      in.month(List.of(), CrimeRecords.closing(step.month().toString(), step.revision(), step.live(), AREAS.size()));
    }
  }

  /** Every month published, and the corrected month at its second closing. */
  private static boolean finished(Map<YearMonth, SnapshotReady> readies) {
    SnapshotReady last = readies.get(FIRST.plusMonths(MONTHS - 1));
    SnapshotReady corrected = readies.get(FIRST.plusMonths(CORRECTED));
    return readies.size() == MONTHS && last != null && corrected != null && corrected.getMonthRevision() == 2;
  }

  /** With the records table in RocksDB (restored from its checkpoint or topic) and on the heap (always rebuilt from the topic). */
  @ParameterizedTest(name = "records store {0}")
  @ValueSource(strings = {"rocksdb", "memory"})
  void aKilledServiceRestartsToTheSameFeaturesWithEveryRevisionOnce(String recordsStore) throws Exception {
    List<Step> steps = scenario();

    Map<String, LsoaMonthFeatures> uninterrupted;
    Map<YearMonth, SnapshotReady> uninterruptedReadies;
    try (ItStack a = new ItStack()) {
      try (InputPublisher in = new InputPublisher(a.bootstrap(), a.registry, "restart-input")) {
        in.profiles(AREAS);
        steps.forEach(s -> publish(in, s));
      }
      try (FeatureService service = new FeatureService(new FeatureConfig(Map.of(
          "bootstrap.servers", a.bootstrap(), "schema.registry.url", a.registryUrl(),
          "state.dir", dir.resolve("uninterrupted-" + recordsStore).toString(), "patrolcast.mode", "run",
          FeatureConfig.RECORDS_STORE, recordsStore)))) {
        service.start();
        a.awaitReadies(Duration.ofMinutes(3), FeatureRestartIT::finished);
      }
      uninterrupted = a.features();
      uninterruptedReadies = latestReadies(a);
    }
    assertThat(uninterrupted).hasSize(MONTHS * AREAS.size());

    try (ItStack b = new ItStack()) {
      Path state = dir.resolve("killed-" + recordsStore);
      int firstBatch = 10;
      try (InputPublisher in = new InputPublisher(b.bootstrap(), b.registry, "restart-input")) {
        in.profiles(AREAS);
        steps.subList(0, firstBatch).forEach(s -> publish(in, s));
      }
      Process child = startChild(b, state, recordsStore, "first");
      Thread feeder = new Thread(() -> {
        try (InputPublisher in = new InputPublisher(b.bootstrap(), b.registry, "restart-input")) {
          for (Step s : steps.subList(firstBatch, steps.size())) {
            publish(in, s);
            Thread.sleep(400);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "feeder");
      int seenAtKill;
      try {
        b.awaitReadies(Duration.ofMinutes(3), r -> r.size() >= 5);
        feeder.start();
        // Kill while the feeder is still publishing, before the correction of month 5 arrives (step 21).
        b.awaitReadies(Duration.ofMinutes(3), r -> r.size() >= 14);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no clean shutdown, no flush
        seenAtKill = committedMonths(b);
        log.info("Killed the features service with {} months committed", seenAtKill);
        feeder.join(180_000);
        assertThat(seenAtKill).as("killed mid-replay").isLessThan(20);
        child = startChild(b, state, recordsStore, "second");
        b.awaitReadies(Duration.ofMinutes(3), FeatureRestartIT::finished);
      } finally {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }

      Map<String, LsoaMonthFeatures> restarted = b.features();
      assertThat(restarted.keySet()).isEqualTo(uninterrupted.keySet());
      // Snapshot revisions may differ: how many times a month was re-published depends on when the
      // correction arrived relative to that month. The content may not.
      restarted.forEach((key, row) -> assertThat(withoutRevision(row)).as(key).isEqualTo(withoutRevision(uninterrupted.get(key))));
      Map<YearMonth, SnapshotReady> readies = latestReadies(b);
      readies.forEach((m, r) -> {
        assertThat(r.getMonthRevision()).as(m.toString()).isEqualTo(uninterruptedReadies.get(m).getMonthRevision());
        assertThat(r.getTotalCount()).as(m.toString()).isEqualTo(uninterruptedReadies.get(m).getTotalCount());
      });
      // Every committed (month, revision) exactly once, revisions 1..n without gaps, and the latest
      // row of every area carries its month's latest revision (the rows came with their SnapshotReady).
      Map<YearMonth, List<Integer>> revisions = new TreeMap<>();
      TopicReader.readAll(b.bootstrap(), b.registry, Topics.SNAPSHOT_READY, (k, r) ->
          revisions.computeIfAbsent(YearMonth.parse(r.getMonth()), x -> new ArrayList<>()).add(r.getRevision()));
      revisions.forEach((m, list) -> {
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= list.size(); i++) {
          expected.add(i);
        }
        assertThat(list).as("revisions of " + m).isEqualTo(expected);
      });
      restarted.forEach((key, row) -> assertThat(row.getSnapshotRevision()).as(key)
          .isEqualTo(readies.get(YearMonth.parse(row.getMonth())).getRevision()));
    }
  }

  private static LsoaMonthFeatures withoutRevision(LsoaMonthFeatures row) {
    return LsoaMonthFeatures.newBuilder(row).setSnapshotRevision(0).build();
  }

  private static Map<YearMonth, SnapshotReady> latestReadies(ItStack s) {
    Map<YearMonth, SnapshotReady> out = new HashMap<>();
    TopicReader.latest(s.bootstrap(), s.registry, Topics.SNAPSHOT_READY).forEach((k, v) -> out.put(YearMonth.parse(k), v));
    return out;
  }

  private static int committedMonths(ItStack s) {
    return TopicReader.latest(s.bootstrap(), s.registry, Topics.SNAPSHOT_READY).size();
  }

  private Process startChild(ItStack s, Path state, String recordsStore, String run) throws Exception {
    String name = recordsStore + "-" + run;
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path cp = dir.resolve("classpath-" + name + ".txt");
    Files.writeString(cp, "-cp " + classpath);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Its own tmpdir (deleted with the test's): a SIGKILLed JVM leaves RocksDB's unpacked library there.
    Path tmp = Files.createDirectories(dir.resolve("tmp-" + name));
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "@" + cp, FeatureServiceMain.class.getName(),
        s.bootstrap(), s.registryUrl(), state.toString(), recordsStore);
    pb.redirectErrorStream(true);
    pb.redirectOutput(Path.of("target", "features-child-" + name + ".log").toFile());
    log.info("Starting the features service in a child JVM ({})", name);
    return pb.start();
  }
}
