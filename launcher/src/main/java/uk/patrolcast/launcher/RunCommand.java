package uk.patrolcast.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.patrolcast.allocator.AllocationCsv;
import uk.patrolcast.features.FeatureCsv;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.forecast.ForecastOutputs;
import uk.patrolcast.ingest.IngestOutputs;
import uk.patrolcast.ingest.IngestService;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.service.PatrolcastService;

/**
 * {@code patrolcast run}: the whole pipeline once, on a fresh embedded stack, until every input month
 * has flowed through every stage; then the topics' final contents are written to OUT.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline once over a data directory on a fresh embedded stack and write its outputs.",
      "OUT receives features.csv, risk_scores.csv, forecasts.csv, forecasts_ward.csv, allocations.csv, "
          + "allocations_ward.csv, evaluations.json, rejected.csv, neighbours.csv and run.json. Same input and options, "
          + "same output."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  static final String UNTIL = PipelineRun.UNTIL;
  static final String TRAIN_UNTIL = PipelineRun.TRAIN_UNTIL;
  static final String MODE = PipelineRun.MODE;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory laid out like shared/data.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "OUT", description = "Directory for the outputs (created if missing).")
  Path out;

  @Option(names = "--until", paramLabel = "YYYY-MM", description = "Ignore input months after this one.")
  String until;

  @Option(names = "--train-until", paramLabel = "YYYY-MM",
      description = "Train the model once on complete snapshots up to this month (default: the last input month); later months still get forecasts and plans.")
  String trainUntil;

  @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "90", description = "Give up after this many minutes (default: ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings.")
  Path configFile;

  @Option(names = "-D", paramLabel = "KEY=VALUE", description = "A setting (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    validate();
    Files.createDirectories(out);
    long started = System.nanoTime();
    HeapSampler heap = HeapSampler.start();
    ObjectNode report = HttpApi.JSON.createObjectNode();
    Map<String, Object> commandLine = new HashMap<>(settings);
    commandLine.put(MODE, "run");
    if (until != null) {
      commandLine.put(UNTIL, until);
    }
    if (trainUntil != null) {
      commandLine.put(TRAIN_UNTIL, trainUntil);
    }
    Map<String, String> file = new ConnectionOptionsFile(configFile).values();
    Map<String, String> idle;
    try (PipelineRun run = PipelineRun.start(data, file, commandLine, started)) {
      IngestService ingest = run.ingest();
      if (run.defaultTrainUntil() != null) {
        report.put("train_until", run.defaultTrainUntil());
      }
      String target = ingest.lastInputMonth();
      if (target == null) {
        log.warn("No input months found to process");
      } else {
        Map<String, Double> stageDone = run.awaitMonth(target, started, started + TimeUnit.MINUTES.toNanos(timeoutMinutes));
        report.set("stage_done_s", HttpApi.JSON.valueToTree(stageDone));
      }
      idle = run.idleStages();
      if (!idle.isEmpty()) {
        report.set("stages_idle", HttpApi.JSON.valueToTree(idle));
      }
      String bootstrap = run.stack().bootstrapServers();
      IngestOutputs.writeRejected(bootstrap, run.registry(), out);
      IngestOutputs.addRunFigures(ingest, report);
      for (PatrolcastService s : run.stages()) {
        if (s instanceof FeatureService features) {
          report.withObjectProperty("records_per_s").put("features", Math.round(features.recordsPerSecond()));
        }
      }
      run.stopServices();
      FeatureCsv.write(bootstrap, run.registry(), out.resolve("features.csv"));
      List<String> models = ForecastOutputs.write(bootstrap, run.registry(), out);
      AllocationCsv.write(bootstrap, run.registry(), out);

      ObjectNode versions = report.putObject("versions");
      Properties v = Patrolcast.versions();
      versions.put("code", v.getProperty("version", "unknown"));
      versions.set("schemas", HttpApi.JSON.valueToTree(run.schemaIds()));
      versions.put("kafka", v.getProperty("kafka"));
      versions.put("xgboost", v.getProperty("xgboost"));
      versions.set("models", HttpApi.JSON.valueToTree(models));
      versions.put("ortools", v.getProperty("ortools"));
    }
    double wall = (System.nanoTime() - started) / 1e9;
    report.put("wall_s", round(wall));
    report.put("peak_heap_mb", heap.stopAndPeakMb());
    report.put("data", data.toAbsolutePath().toString());
    if (until != null) {
      report.put("until", until);
    }
    if (trainUntil != null) {
      report.put("train_until", trainUntil);
    }
    HttpApi.JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("run.json").toFile(), report);
    System.out.printf("patrolcast run: done in %.1f s; outputs in %s%n", wall, out.toAbsolutePath());
    // Said where the user looks: otherwise forecasts.csv with a header alone is the only sign.
    idle.forEach((stage, why) -> System.out.printf("  %s published nothing: %s%n", stage, why));
    return 0;
  }

  private void validate() {
    KnownSettings.requireValidCommandLine(settings);
    if (until != null) {
      Months.parse(until);
    }
    if (trainUntil != null) {
      Months.parse(trainUntil);
      if (until != null && Months.parse(trainUntil).isAfter(Months.parse(until))) {
        throw new IllegalArgumentException("--train-until " + trainUntil + " is after --until " + until);
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " exists and is not a directory");
    }
    // Options first, then the (slower) look at the data directory.
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException("Data directory " + data.toAbsolutePath() + " does not exist or is not a directory");
    }
    new DataLayout(data).requireInputs("police", "lsoa-universe");
  }

  static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  /** Samples the heap in use, to report the run's peak. */
  static final class HeapSampler {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
      thread = new Thread(this::loop, "heap-sampler");
      thread.setDaemon(true);
    }

    static HeapSampler start() {
      HeapSampler s = new HeapSampler();
      s.thread.start();
      return s;
    }

    private void loop() {
      while (running) {
        peak = Math.max(peak, used());
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** Peak over the run: the largest of the sampled use and each heap pool's own peak. */
    long stopAndPeakMb() {
      running = false;
      long poolPeaks = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          poolPeaks += pool.getPeakUsage().getUsed();
        }
      }
      // Summed pool peaks may come from different moments: an upper bound. Report the sampled peak
      // unless sampling missed everything.
      long bytes = peak > 0 ? peak : poolPeaks;
      return bytes >> 20;
    }

    private static long used() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }

  /** Reads the optional --config file (shared with the other commands). */
  record ConnectionOptionsFile(Path file) {
    Map<String, String> values() throws IOException {
      ConnectionOptions o = new ConnectionOptions();
      o.configFile = file;
      return o.fileValues();
    }
  }

}
