package uk.patrolcast.console.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.allocator.AllocatorConfig;
import uk.patrolcast.allocator.AllocatorService;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.forecast.ForecastConfig;
import uk.patrolcast.forecast.ForecastService;
import uk.patrolcast.ingest.IngestConfig;
import uk.patrolcast.ingest.IngestService;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.service.PatrolcastService;

/**
 * The real pipeline in this JVM (the default of {@code console.e2e.events}): ingest, features,
 * forecast and allocate started on the test's stack in {@code up} mode, in flow order, the way
 * {@code patrolcast up} does. Ingest watches a data directory of links to the shared data that holds
 * the police.uk files of {@code console.e2e.first}..{@code console.e2e.last} without the last
 * month's; {@link #advance} links that month's files in while a page is open, as police.uk publishes
 * a month, and it flows through ingest, features, forecast and allocate. The London totals are
 * checked against {@link LondonData}'s own count of the same files.
 *
 * <p>Cost (CI time) over accuracy: the window is six months more than the shortest the forecast can
 * train on (60 months of feature history, one 6-month validation fold, 6 backtest months so that the
 * Overview has past months with out-of-sample forecasts), the model is a small recipe (shallow trees,
 * few rounds), and no challenger is trained during the run. The product's defaults are unchanged;
 * these are the test's settings only.
 */
final class PipelineEvents implements ConsoleEvents {
  private static final Logger log = LoggerFactory.getLogger(PipelineEvents.class);
  private static final List<String> FORCES = List.of("metropolitan", "city-of-london");

  private final List<PatrolcastService> started = new ArrayList<>();
  private Path source;
  private Path police;
  private YearMonth last;
  private LondonData counted;
  private boolean advanced;

  @Override
  public void start(String bootstrapServers, String schemaRegistryUrl, Path dataDir, Path stateDir) throws Exception {
    // 2017-07..2024-01 (79 months) before the live month 2024-02: six more than the forecast settings below need.
    YearMonth first = Months.parse(System.getProperty("console.e2e.first", "2017-07"));
    last = Months.parse(System.getProperty("console.e2e.last", "2024-02"));
    source = dataDir.resolve("police-uk");
    Path data = linkedData(dataDir, stateDir.resolve("data"));
    police = Files.createDirectories(data.resolve("police-uk"));
    for (YearMonth m : Months.range(first, last.minusMonths(1))) {
      link(m);
    }
    Map<String, Object> settings = new HashMap<>();
    settings.put(ServiceConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    settings.put(ServiceConfig.DATA_DIR, data.toString());
    settings.put(ServiceConfig.STATE_DIR, stateDir.resolve("state").toString());
    settings.put(IngestConfig.MODE, "up");
    settings.put(IngestConfig.WATCH_INTERVAL, "1s");
    // The test trades accuracy for CI time: a small recipe (shallow trees, few rounds, two years of
    // training origins) and one validation fold instead of the tuned parameters and three folds.
    settings.put(ForecastConfig.PARAMS, "max_depth=3,eta=0.3,max_rounds=40,train_years=2");
    settings.put(ForecastConfig.FOLDS, "1");
    settings.put(ForecastConfig.FOLD_WINDOW, "6");
    settings.put(ForecastConfig.BACKTEST_MONTHS, "6");
    settings.put(ForecastConfig.SETTLE_MS, "3000");
    // No challenger during the test: the plan the pages are checked against must not be replaced by a
    // promoted model's mid-test (champion/challenger is tested in forecast-service), and two trainings fewer.
    settings.put(ForecastConfig.RETRAIN_EVERY, "12");
    started.add(new IngestService(new IngestConfig(settings)));
    started.add(new FeatureService(new FeatureConfig(settings)));
    started.add(new ForecastService(new ForecastConfig(settings)));
    started.add(new AllocatorService(new AllocatorConfig(settings)));
    for (PatrolcastService s : started) {
      s.start();
      log.info("pipeline: {} started", s.name());
    }
    // While the pipeline replays the months.
    long t = System.nanoTime();
    counted = LondonData.count(dataDir, first, last);
    log.info("pipeline: independent count of the police.uk files read in {} ms", (System.nanoTime() - t) / 1_000_000);
  }

  /** Waits until every stage's watermark is the latest month linked in (bounded). */
  void awaitStages(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String expected = expectedIngestedMonth();
    while (!started.stream().allMatch(s -> expected.equals(s.watermark()))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The pipeline did not reach " + expected + " within " + timeout + ": "
            + started.stream().map(s -> s.name() + "=" + s.watermark()).toList());
      }
      Thread.sleep(500);
    }
  }

  /** A data directory whose reference inputs are links to the shared ones, with an empty police folder. */
  private static Path linkedData(Path shared, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> entries = Files.list(shared)) {
      for (Path e : entries.toList()) {
        if (!e.getFileName().toString().equals("police-uk")) {
          Files.createSymbolicLink(dir.resolve(e.getFileName()), e.toAbsolutePath());
        }
      }
    }
    return dir;
  }

  /** Links one month's police.uk files (every force's) into the watched folder. */
  private void link(YearMonth month) throws IOException {
    String m = Months.format(month);
    for (String force : FORCES) {
      String name = m + "-" + force + "-street-burglary.csv.gz";
      Path file = source.resolve(force + "-street-burglary").resolve(name);
      if (Files.exists(file)) {
        // A link appears in one step, so the watcher never sees half a file.
        Files.createSymbolicLink(police.resolve(name), file.toAbsolutePath());
      }
    }
  }

  @Override
  public boolean advance() throws Exception {
    if (advanced) {
      return false;
    }
    link(last);
    advanced = true;
    log.info("pipeline: police.uk files of {} linked into the watched folder", Months.format(last));
    return true;
  }

  @Override
  public String expectedIngestedMonth() {
    return Months.format(advanced ? last : last.minusMonths(1));
  }

  @Override
  public Double expectedTotal(String month) {
    Integer total = counted.total(month);
    return total == null ? null : total.doubleValue();
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (RuntimeException e) {
        log.warn("stopping {} failed: {}", started.get(i).name(), e.toString());
      }
    }
  }
}
