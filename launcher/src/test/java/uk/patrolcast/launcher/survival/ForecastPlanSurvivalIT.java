package uk.patrolcast.launcher.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.forecast.ForecastConfig;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.SyntheticFeed;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.files.FileTree;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;

/**
 * Failure survival of the forecast service and the allocator with real output, and of the schema
 * registry on its own. A synthetic universe (48 LSOAs in 12 wards and 3 boroughs, 96 months: enough
 * history to train) is published to the real topics as the feature stream would; forecast and
 * allocate run as child JVMs in {@code run} mode with a training cut-off six months before the end
 * and cheap booster settings. The last six months arrive one at a time, then one month again
 * (a duplicate) and the last month corrected (one area's count changed, every row re-emitted at
 * snapshot revision 2). In the failure run each of the two services is SIGKILLed at 10 seeded random
 * points and restarted at once (a restart of the forecast service in run mode trains again, so kills
 * land in training as well as in forecasting and planning), and the registry, a process of its own,
 * is SIGKILLed in the middle of the feed, kept down 6 s and restarted on the same port. The final
 * forecasts (LSOA and ward, every field to the last digit but the creation time), ForecastReady,
 * evaluations, risk scores and plans (every field but the creation time and the solve's wall time)
 * must equal those of a clean run of the same feed with nothing killed.
 */
class ForecastPlanSurvivalIT {
  private static final Logger log = LoggerFactory.getLogger(ForecastPlanSurvivalIT.class);

  static final int AREAS = 48;
  static final int MONTHS = 96;
  /** Months fed one at a time after the history; the cut-off is the first of them. */
  static final int LIVE = 6;
  static final int KILLS_PER_SERVICE = 10;
  static final long SEED = Long.getLong("patrolcast.survival.seed", 20261128L);
  /** Besides timestamps: the wall time of a plan's solve. */
  static final Set<String> TIMING = Set.of("solveMillis");

  private final FeatureTable table = SyntheticData.table(AREAS, MONTHS, 8);
  private final YearMonth last = table.lastMonth();
  private final int duplicate = MONTHS - 3;
  private final Path base = CleanRun.BASE.resolve("forecast-plan");

  @Test
  void killedForecastAllocatorAndRegistryEndWhereACleanRunEnds() throws Exception {
    FileTree.delete(base);
    long t0 = System.nanoTime();
    Map<String, Map<String, String>> clean = run(base.resolve("clean"), false);
    long t1 = System.nanoTime();
    log.info("Clean run: {} s", (t1 - t0) / 1_000_000_000);
    Map<String, Map<String, String>> killed = run(base.resolve("kills"), true);
    log.info("Failure run: {} s; both: {} s (seed {})", (System.nanoTime() - t1) / 1_000_000_000, (System.nanoTime() - t0) / 1_000_000_000,
        SEED);
    clean.forEach((topic, want) -> SurvivalIT.assertSameContents(topic, killed.get(topic), want));
  }

  /** The feed through the two services (and the registry), killed or not; the final contents of their topics. */
  private Map<String, Map<String, String>> run(Path dir, boolean kill) throws Exception {
    try (ProcessStack p = new ProcessStack(dir, true)) {
      p.startStack(Duration.ofMinutes(2));
      p.startRegistry(Duration.ofMinutes(1));
      var registry = p.registry();
      try (SyntheticFeed feed = new SyntheticFeed(p.bootstrap(), registry, table, "survival-feed")) {
        feed.profiles();
        for (int m = 0; m < MONTHS - LIVE; m++) {
          feed.month(m, 1, SnapshotCause.CLOSED, table.counts().monthCounts(m));
        }
        feed.flush();
        ChildJvm forecast = p.service("forecast", "768m", null, forecastSettings());
        ChildJvm allocate = p.service("allocate", "512m", null, Map.of("patrolcast.mode", "run", "allocator.solver.threads", "1"));
        forecast.start();
        allocate.start();
        List<KillSchedule> schedules = new ArrayList<>();
        if (kill) {
          Random random = new Random(SEED);
          // Kill points follow each service's own steps since its restart (start-up on a loaded machine
          // takes longer than any fixed delay): a third of the forecast kills land a random 1-8 s after
          // the restart (start-up, reading), a third within 1.5 s of a training's start (every restart
          // in run mode trains again), a third within 0.4 s of an origin's announcement (its drivers or
          // the next origin); the allocator's likewise around its start and its plans.
          schedules.add(new KillSchedule(forecast, random.nextLong(), KILLS_PER_SERVICE, Duration.ofSeconds(1), Duration.ofSeconds(8),
              () -> ProcessStack.count(forecast.logFile(), "Training a first model") + ProcessStack.count(forecast.logFile(),
                  "Published forecasts of origin"), 2, Duration.ofSeconds(20), Duration.ofMillis(1_500)).start());
          schedules.add(new KillSchedule(allocate, random.nextLong(), KILLS_PER_SERVICE, Duration.ofSeconds(1), Duration.ofSeconds(8),
              () -> ProcessStack.count(allocate.logFile(), "allocate service started;") + ProcessStack.count(allocate.logFile(),
                  "Published plan-"), 2, Duration.ofSeconds(20), Duration.ofMillis(400)).start());
        }
        for (int m = MONTHS - LIVE; m < MONTHS; m++) {
          feed.month(m, 1, SnapshotCause.CLOSED, table.counts().monthCounts(m));
          feed.flush();
          if (kill) {
            Thread.sleep(12_000);
            if (m == MONTHS - LIVE + 2) {
              // The registry alone dies and stays down a while: the services and the feed go on from cached ids.
              p.registryProcess().kill();
              Thread.sleep(6_000);
              p.startRegistry(Duration.ofMinutes(1));
            }
          }
        }
        // The correction must come after the last month's first forecast has been planned (or the
        // first revision might never be forecast, in either run).
        awaitPlans(p, Map.of(Months.format(last), 1), Duration.ofMinutes(4));
        feed.month(duplicate, 1, SnapshotCause.CLOSED, table.counts().monthCounts(duplicate));
        feed.flush();
        int[] corrected = table.counts().monthCounts(MONTHS - 1).clone();
        corrected[0] += 4;
        feed.month(MONTHS - 1, 2, SnapshotCause.CORRECTED, corrected);
        feed.flush();
        List<KillSchedule.Kill> kills = new ArrayList<>();
        for (KillSchedule s : schedules) {
          kills.addAll(s.await(Duration.ofMinutes(4)));
        }
        if (kill) {
          assertThat(kills).hasSize(2 * KILLS_PER_SERVICE);
          log.info("{} kills: {}", kills.size(), kills);
        }
        awaitPlans(p, Map.of(Months.format(last), 2), Duration.ofMinutes(4));
        Map<String, Map<String, String>> out = awaitExplained(p, Duration.ofMinutes(3));
        if (!kill) {
          assertCleanRunFollowsTheFeed(p, out);
        }
        assertThat(p.liveness("forecast")).as("forecast alive at the end").isEqualTo(200);
        // A registry that cannot be reached is waited for (or the service fails and is restarted), never a reason to skip a record.
        assertThat(ProcessStack.count(forecast.logFile(), "Skipped unreadable record")).as("records the forecast service skipped").isZero();
        assertThat(ProcessStack.count(allocate.logFile(), "Skipping an unreadable record")).as("records the allocator skipped").isZero();
        return out;
      }
    }
  }

  private Map<String, String> forecastSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(ForecastConfig.MODE, "run");
    s.put(ForecastConfig.TRAIN_UNTIL, Months.format(table.counts().month(MONTHS - LIVE)));
    s.put(ForecastConfig.FOLDS, "2");
    s.put(ForecastConfig.FOLD_STEP, "3");
    s.put(ForecastConfig.FOLD_WINDOW, "4");
    s.put(ForecastConfig.COMPARE_OBJECTIVES, "false");
    s.put(ForecastConfig.THREADS, "1");
    s.put(ForecastConfig.PARAMS, "eta=0.1,max_depth=3,train_years=2,max_rounds=40");
    return s;
  }

  /** Waits until every origin from the cut-off has a plan, the given ones at least at the given data revision. */
  private void awaitPlans(ProcessStack p, Map<String, Integer> minRevision, Duration timeout) throws InterruptedException {
    ProcessStack.await("plans of every origin " + minRevision, timeout, () -> {
      Map<String, Integer> revisions = new TreeMap<>();
      TopicReader.latest(p.bootstrap(), p.registry(), Topics.PLANS).values()
          .forEach(plan -> revisions.merge(plan.getOriginMonth(), revisionOf(plan), Math::max));
      return revisions.size() == LIVE && minRevision.entrySet().stream().allMatch(e -> revisions.getOrDefault(e.getKey(), 0) >= e.getValue());
    });
  }

  private static int revisionOf(AllocationPlan plan) {
    String id = plan.getPlanId();
    int r = id.indexOf("-r", "plan-YYYY-MM".length());
    return Integer.parseInt(id.substring(r + 2, id.indexOf('-', r + 2)));
  }

  /**
   * Waits until every LSOA forecast of every origin carries its drivers at the origin's latest data
   * revision (the drivers follow the means in a second transaction), then reads the outputs.
   */
  private Map<String, Map<String, String>> awaitExplained(ProcessStack p, Duration timeout) throws InterruptedException {
    Map<String, String> state = new TreeMap<>();
    try {
      ProcessStack.await("every LSOA forecast explained", timeout, () -> {
        Map<String, Forecast> lsoa = TopicReader.latest(p.bootstrap(), p.registry(), Topics.LSOA_FORECASTS);
        state.clear();
        lsoa.values().forEach(f -> state.merge(f.getOriginMonth() + " r" + f.getDataRevision() + (f.getDrivers().isEmpty() ? " without" : " with")
            + " drivers", "1", (a, b) -> Integer.toString(Integer.parseInt(a) + 1)));
        return lsoa.size() == LIVE * AREAS && lsoa.values().stream().allMatch(f -> !f.getDrivers().isEmpty()
            && (!f.getOriginMonth().equals(Months.format(last)) || f.getDataRevision() == 2));
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; LSOA forecasts: " + state, e);
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (TopicSpec<?> spec : List.of(Topics.LSOA_FORECASTS, Topics.WARD_FORECASTS, Topics.FORECAST_READY, Topics.EVALUATIONS,
        Topics.RISK_SCORES, Topics.PLANS)) {
      out.put(spec.name(), TopicContents.latest(p.bootstrap(), p.registry(), spec, TIMING));
    }
    log.info("Outputs: {}", out.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
    return out;
  }

  /**
   * The clean run did what the feed asks: one forecast announcement per origin, the duplicate month
   * changed nothing, the corrected last month was forecast again (revision 2) and planned again, with
   * other numbers for the corrected area.
   */
  private void assertCleanRunFollowsTheFeed(ProcessStack p, Map<String, Map<String, String>> out) {
    Map<String, List<Integer>> announced = new TreeMap<>();
    TopicReader.readAll(p.bootstrap(), p.registry(), Topics.FORECAST_READY,
        (k, v) -> announced.computeIfAbsent(k, x -> new ArrayList<>()).add(v.getDataRevision()));
    Map<String, List<Integer>> expected = new TreeMap<>();
    for (int m = MONTHS - LIVE; m < MONTHS; m++) {
      expected.put(Months.format(table.counts().month(m)), m == MONTHS - 1 ? List.of(1, 2) : List.of(1));
    }
    assertThat(announced).as("ForecastReady per origin (data revisions)").isEqualTo(expected);
    Map<String, AllocationPlan> plans = TopicReader.latest(p.bootstrap(), p.registry(), Topics.PLANS);
    assertThat(plans).hasSize(LIVE + 1);
    List<AllocationPlan> ofLast = plans.values().stream().filter(x -> x.getOriginMonth().equals(Months.format(last))).toList();
    assertThat(ofLast).extracting(ForecastPlanSurvivalIT::revisionOf).containsExactlyInAnyOrder(1, 2);
    String area = table.areas().code(0);
    assertThat(ofLast).extracting(x -> x.getLsoas().stream().filter(l -> l.getLsoa21cd().equals(area)).findFirst().orElseThrow().getForecast())
        .as("forecast of the corrected area in the two plans").doesNotHaveDuplicates();
    ForecastReady latest = TopicReader.latest(p.bootstrap(), p.registry(), Topics.FORECAST_READY).get(Months.format(last));
    assertThat(latest.getDataRevision()).isEqualTo(2);
    assertThat(out.get(Topics.EVALUATIONS.name())).isNotEmpty();
    assertThat(out.get(Topics.WARD_FORECASTS.name())).hasSize(LIVE * AREAS / 4);
  }
}
