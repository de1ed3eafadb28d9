package uk.patrolcast.launcher.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;

/**
 * Failure survival on the local stack, every service in its own JVM as deployed: ingest and the
 * feature stream are killed (SIGKILL) at seeded random points during a replay of real months and
 * restarted, the broker and registry process is killed and restarted on the same directory and
 * ports, every month is fed again and one month is re-published corrected. The final topics and files
 * must equal those of a run of the same final input with nothing killed.
 *
 * <p>The forecast service and the allocator run here too (they must come through the broker's restart
 * and be alive at the end; one that exits on a fatal error is restarted, as the deployment's restart
 * policy does: {@link RestartPolicy}) but are not killed: eight months are far too few to train a model, so
 * they publish nothing here, and the test asserts that rather than comparing empty sets. Their kills,
 * with real forecasts and plans, and the registry killed alone are {@link ForecastPlanSurvivalIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurvivalIT {
  private static final Logger log = LoggerFactory.getLogger(SurvivalIT.class);

  /** Eight real months across the LSOA 2011/2021 code change (2011 codes harmonised, split ones by point). */
  static final YearMonth FIRST = CleanRun.FIRST;
  static final int MONTHS = CleanRun.MONTHS;
  static final YearMonth CORRECTED = CleanRun.CORRECTED;
  static final int KILLS_PER_SERVICE = 10;
  /** The services killed here (forecast and allocate: see the class comment). */
  static final Set<String> KILLED = Set.of("ingest", "features");
  static final long SEED = Long.getLong("patrolcast.survival.seed", 20261128L);

  private final Path base = CleanRun.BASE;
  private Path shared;
  private Baseline clean;

  @BeforeAll
  void cleanRun() throws Exception {
    shared = SurvivalData.sharedData();
    assumeTrue(Files.isDirectory(shared.resolve("police-uk")), "no data directory at " + shared);
    clean = CleanRun.baseline();
  }

  @Test
  void killedServicesAndARestartedBrokerEndWhereACleanRunEnds() throws Exception {
    SurvivalData data = SurvivalData.create(shared, base.resolve("kills/data"), FIRST, MONTHS);
    long started = System.nanoTime();
    try (ProcessStack p = new ProcessStack(base.resolve("kills/procs"))) {
      p.startStack(Duration.ofMinutes(3));
      // A paced replay (as police.uk publishing month by month) so that the kills land in the middle of it.
      List<ChildJvm> services = Baseline.services(p, data.root(), CleanRun.lastMonth(), Map.of("patrolcast.mode", "run", "ingest.pace", "1s"));
      ChildJvm ingest = services.get(0);
      Random random = new Random(SEED);
      List<KillSchedule> schedules = new ArrayList<>();
      for (ChildJvm s : services) {
        long seed = random.nextLong(); // drawn for every service: the same kill points as before for the others
        if (!KILLED.contains(s.name())) {
          continue;
        }
        boolean isIngest = s == ingest;
        // Ingest's kills follow its published sources; the others' follow time since their restart.
        LongSupplier progress = isIngest
            ? () -> ProcessStack.count(ingest.logFile(), " accepted, ") + ProcessStack.count(ingest.logFile(), "unchanged since revision")
            : null;
        Duration max = s.name().equals("features") ? Duration.ofSeconds(15) : Duration.ofSeconds(isIngest ? 2 : 8);
        schedules.add(new KillSchedule(s, seed, KILLS_PER_SERVICE, Duration.ofSeconds(isIngest ? 0 : 2), max, progress).start());
      }
      // The services not killed here are restarted when they exit on their own, as the deployment's
      // restart policy does (a service exits on a fatal error, e.g. the broker away longer than its timeouts).
      RestartPolicy restarts = p.restartOnExit(services.stream().filter(s -> !KILLED.contains(s.name())).toList());
      // The broker and registry die once in the middle of it all and come back on the same directory and ports.
      long stackKillMs = 15_000 + random.nextInt(20_000);
      Thread.sleep(stackKillMs);
      log.info("Killing the stack (broker and registry) {} ms into the replay", stackKillMs);
      p.stack().kill();
      p.startStack(Duration.ofMinutes(3));
      List<KillSchedule.Kill> kills = new ArrayList<>();
      for (KillSchedule s : schedules) {
        kills.addAll(s.await(Duration.ofMinutes(10)));
      }
      assertThat(kills).hasSize(KILLS_PER_SERVICE * KILLED.size());
      log.info("{} kills done after {} s: {}", kills.size(), (System.nanoTime() - started) / 1_000_000_000, kills);

      // Every month in once (the original files), then police.uk re-publishes one month corrected.
      awaitMonthsClosed(p, Map.of(), Duration.ofMinutes(5));
      data.rewrite(SurvivalData.MET, CORRECTED, CleanRun.correctedLines(), null);
      ingest.kill();
      ingest.start();
      awaitMonthsClosed(p, Map.of(CORRECTED.toString(), 2), Duration.ofMinutes(5));
      // And everything fed once more: the same files change nothing.
      long filesDone = ProcessStack.count(ingest.logFile(), "Files done");
      ingest.kill();
      ingest.start();
      ProcessStack.await("ingest to go through its files again", Duration.ofMinutes(5),
          () -> ProcessStack.count(ingest.logFile(), "Files done") > filesDone);

      Map<String, String> features = awaitAllMonths(p, clean.features(), Duration.ofMinutes(5));
      assertSameContents("features.lsoa-month.v1", features, clean.features());
      assertThat(TopicContents.latest(p.bootstrap(), p.registry(), Topics.SNAPSHOT_READY, Baseline.REVISIONS))
          .isEqualTo(clean.snapshots());
      // The corrected month is at its second closing; no other month was ever re-closed (a redone
      // source after a kill must not look like a correction).
      Map<String, Integer> revisions = new TreeMap<>();
      Map<String, MonthClosed> closed = new TreeMap<>();
      TopicReader.latest(p.bootstrap(), p.registry(), Topics.MONTH_CLOSED).forEach((k, v) -> {
        revisions.put(v.getMonth(), v.getRevision());
        closed.put(v.getMonth(), v);
      });
      Map<String, Integer> expectedRevisions = new TreeMap<>();
      for (int i = 0; i < MONTHS; i++) {
        expectedRevisions.put(FIRST.plusMonths(i).toString(), FIRST.plusMonths(i).equals(CORRECTED) ? 2 : 1);
      }
      assertThat(revisions).isEqualTo(expectedRevisions);
      assertSameContents("ingest.month-closed.v1", TopicContents.latest(p.bootstrap(), p.registry(), Topics.MONTH_CLOSED, Baseline.REVISIONS),
          clean.monthsClosed());
      // No record lost or counted twice: the live records of each month are exactly its closing's count,
      // and the month's feature total is the clean run's.
      Map<String, Integer> live = new TreeMap<>();
      TopicReader.latest(p.bootstrap(), p.registry(), Topics.CRIME_RECORDS).values()
          .forEach((CrimeRecord r) -> live.merge(r.getMonth(), 1, Integer::sum));
      closed.forEach((m, c) -> assertThat(live.get(m)).as("live records of " + m).isEqualTo(c.getRecordCount()));
      assertThat(totalsOf(p)).isEqualTo(clean.totals());
      // Eight months cannot train a model: no forecast and no plan, in either run (ForecastPlanSurvivalIT covers them).
      assertThat(clean.forecasts()).as("forecasts of the clean run").isEmpty();
      assertThat(TopicReader.latest(p.bootstrap(), p.registry(), Topics.LSOA_FORECASTS)).as("forecasts after the failures").isEmpty();
      assertThat(TopicReader.latest(p.bootstrap(), p.registry(), Topics.PLANS)).as("plans after the failures").isEmpty();

      Path out = Files.createDirectories(base.resolve("kills/out"));
      Baseline.writeFiles(p, out);
      // features.csv: equal but for snapshot_revision and month_revision (see Baseline.REVISIONS).
      Set<String> revisionColumns = Set.of("snapshot_revision", "month_revision");
      assertThat(CsvTable.read(out.resolve("features.csv")).linesWithout(revisionColumns))
          .isEqualTo(CsvTable.read(clean.out().resolve("features.csv")).linesWithout(revisionColumns));
      assertRejectedEqualExceptTheCorrectedSource(out);
      for (ChildJvm s : services) {
        ProcessStack.await(s.name() + " alive at the end", Duration.ofMinutes(2), () -> p.liveness(s.name()) == 200);
      }
      log.info("Survival run: {} s, {} kills, stack restarted once, {} restarts of forecast/allocate by the restart policy; seed {}",
          (System.nanoTime() - started) / 1_000_000_000, kills.size(), restarts.restarts(), SEED);
    }
  }

  /**
   * rejected.csv equals the clean run's, except the corrected source's own rows: the rejection topic
   * is a log keyed by source and line, so a row refused in the first version of the file stays listed
   * at its line even when the corrected version has another row there.
   */
  private void assertRejectedEqualExceptTheCorrectedSource(Path out) throws IOException {
    String correctedSource = "police-uk/metropolitan-street-burglary/" + CORRECTED + "-metropolitan-street-burglary.csv.gz";
    CsvTable got = CsvTable.read(out.resolve("rejected.csv"));
    CsvTable want = CsvTable.read(clean.out().resolve("rejected.csv"));
    assertThat(got.header()).isEqualTo(want.header());
    assertThat(got.rows().stream().filter(r -> !r.get(0).equals(correctedSource)).toList())
        .isEqualTo(want.rows().stream().filter(r -> !r.get(0).equals(correctedSource)).toList());
    assertThat(got.rows()).containsAll(want.rows());
  }

  static void assertSameContents(String topic, Map<String, String> got, Map<String, String> want) {
    assertThat(got.keySet()).as(topic + " keys").isEqualTo(want.keySet());
    List<String> differing = new ArrayList<>();
    want.forEach((k, v) -> {
      if (!v.equals(got.get(k))) {
        differing.add(k + "\n  got  " + got.get(k) + "\n  want " + v);
      }
    });
    assertThat(differing).as(topic + ": values differing from the clean run").isEmpty();
  }

  static Map<String, Integer> totalsOf(ProcessStack p) {
    Map<String, Integer> totals = new TreeMap<>();
    TopicReader.latest(p.bootstrap(), p.registry(), Topics.SNAPSHOT_READY).forEach((k, v) -> totals.put(v.getMonth(), v.getTotalCount()));
    return totals;
  }

  /** Waits until every month is closed (at least at the given revisions). */
  static void awaitMonthsClosed(ProcessStack p, Map<String, Integer> minRevision, Duration timeout) throws InterruptedException {
    ProcessStack.await("every month closed " + minRevision, timeout, () -> {
      Map<String, Integer> revisions = new TreeMap<>();
      TopicReader.latest(p.bootstrap(), p.registry(), Topics.MONTH_CLOSED).forEach((k, v) -> revisions.put(v.getMonth(), v.getRevision()));
      return revisions.size() == MONTHS && minRevision.entrySet().stream().allMatch(e -> revisions.getOrDefault(e.getKey(), 0) >= e.getValue());
    });
  }

  /**
   * Waits until every month's snapshot is published and, when {@code expected} is given, the feature
   * rows equal it (a correction re-publishes later months a step at a time); returns the rows.
   */
  static Map<String, String> awaitAllMonths(ProcessStack p, Map<String, String> expected, Duration timeout) throws InterruptedException {
    @SuppressWarnings("unchecked")
    Map<String, String>[] last = new Map[] {Map.of()};
    try {
      ProcessStack.await("every month's features" + (expected.isEmpty() ? "" : " equal to the clean run's"), timeout, () -> {
        if (totalsOf(p).size() < MONTHS) {
          return false;
        }
        last[0] = TopicContents.latest(p.bootstrap(), p.registry(), Topics.FEATURES, Baseline.REVISIONS);
        return expected.isEmpty() ? last[0].size() == MONTHS * 4_994 : last[0].equals(expected);
      });
    } catch (AssertionError e) {
      if (expected.isEmpty() || last[0].isEmpty()) {
        throw e;
      }
      // The caller's comparison names what differs.
      log.warn(e.getMessage());
    }
    return last[0];
  }
}
