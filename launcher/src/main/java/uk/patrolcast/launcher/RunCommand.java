package uk.patrolcast.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.kafka.SchemaRoundTrip;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * {@code patrolcast run}: the whole pipeline once, on a fresh embedded stack, until every input month
 * has flowed through every stage; then the topics' final contents are written to OUT.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline once over a data directory on a fresh embedded stack and write its outputs.",
      "OUT receives features.csv, risk_scores.csv, forecasts.csv, forecasts_ward.csv, allocations.csv,",
      "allocations_ward.csv, evaluations.json, rejected.csv and run.json. Same input and options, same output."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  /** Settings the run passes to the services (their config classes define them). */
  static final String UNTIL = "ingest.until";
  static final String TRAIN_UNTIL = "forecast.train.until";
  static final String MODE = "patrolcast.mode";

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
    try (LocalStack stack = LocalStack.startTemporary()) {
      Properties adminProps = new Properties();
      adminProps.put("bootstrap.servers", stack.bootstrapServers());
      try (Admin admin = Admin.create(adminProps)) {
        TopicProvisioning.ensureAll(admin);
      }
      SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
      Map<String, Integer> schemaIds = SchemaRoundTrip.run(stack.bootstrapServers(), registry);
      log.info("Schemas round-tripped through broker and registry for {} topics", schemaIds.size());

      Map<String, Object> commandLine = new HashMap<>(settings);
      commandLine.put(ServiceConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
      commandLine.put(ServiceConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
      commandLine.put(ServiceConfig.DATA_DIR, data.toAbsolutePath().toString());
      commandLine.put(ServiceConfig.STATE_DIR, stack.dir().resolve("state").toString());
      commandLine.put(MODE, "run");
      if (until != null) {
        commandLine.put(UNTIL, until);
      }
      if (trainUntil != null) {
        commandLine.put(TRAIN_UNTIL, trainUntil);
      }
      Map<String, String> file = new ConnectionOptionsFile(configFile).values();

      Map<String, Double> stageDone = new LinkedHashMap<>();
      try (Pipeline pipeline = new Pipeline(null)) {
        IngestService ingest = (IngestService) pipeline.start(ServiceKind.INGEST, file, System.getenv(), commandLine);
        // Ingest has scanned its sources once started: the model trains up to the last input month
        // unless told otherwise.
        if (trainUntil == null && ingest.lastInputMonth() != null) {
          commandLine.put(TRAIN_UNTIL, ingest.lastInputMonth());
          report.put("train_until", ingest.lastInputMonth());
        }
        List<PatrolcastService> stages = new ArrayList<>(List.of(ingest));
        for (ServiceKind kind : List.of(ServiceKind.FEATURES, ServiceKind.FORECAST, ServiceKind.ALLOCATE)) {
          stages.add(pipeline.start(kind, file, System.getenv(), commandLine));
        }
        awaitStages(pipeline, ingest, stages, started, stageDone);
        report.set("stage_done_s", HttpApi.JSON.valueToTree(stageDone));
        IngestOutputs.writeRejected(stack.bootstrapServers(), registry, out);
        IngestOutputs.addRunFigures(ingest, report);
        for (PatrolcastService s : stages) {
          if (s instanceof FeatureService features) {
            report.withObjectProperty("records_per_s").put("features", Math.round(features.recordsPerSecond()));
          }
        }
      }
      FeatureCsv.write(stack.bootstrapServers(), registry, out.resolve("features.csv"));
      List<String> models = ForecastOutputs.write(stack.bootstrapServers(), registry, out);
      AllocationCsv.write(stack.bootstrapServers(), registry, out);

      ObjectNode versions = report.putObject("versions");
      Properties v = Patrolcast.versions();
      versions.put("code", v.getProperty("version", "unknown"));
      versions.set("schemas", HttpApi.JSON.valueToTree(schemaIds));
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
    return 0;
  }

  /** Waits until every stage has finished the last input month; records when each did. */
  private void awaitStages(Pipeline pipeline, IngestService ingest, List<PatrolcastService> stages, long started,
      Map<String, Double> stageDone) {
    String target = ingest.lastInputMonth();
    if (target == null) {
      log.warn("No input months found to process");
      return;
    }
    long deadline = started + TimeUnit.MINUTES.toNanos(timeoutMinutes);
    // A stage that is still a placeholder (status implemented=false) publishes nothing: not waited for,
    // nor are the stages after it (in flow order), which have nothing to work on.
    List<String> placeholders = new ArrayList<>();
    for (PatrolcastService s : stages) {
      if (!placeholders.isEmpty() || Boolean.FALSE.equals(s.status().get("implemented"))) {
        placeholders.add(s.name());
      }
    }
    if (!placeholders.isEmpty()) {
      log.warn("Not waiting for {}: not implemented yet, or downstream of a stage that is not", placeholders);
    }
    while (stageDone.size() + placeholders.size() < stages.size()) {
      PatrolcastService failed = pipeline.failed();
      if (failed != null) {
        throw new IllegalStateException("The " + failed.name() + " service failed: " + failed.status());
      }
      for (PatrolcastService s : stages) {
        if (!stageDone.containsKey(s.name()) && !placeholders.contains(s.name()) && target.equals(s.watermark())) {
          stageDone.put(s.name(), round((System.nanoTime() - started) / 1e9));
          log.info("{} finished {} after {} s", s.name(), target, stageDone.get(s.name()));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out after " + timeoutMinutes + " min; stages done: " + stageDone.keySet());
      }
      sleep(100);
    }
  }

  private void validate() {
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
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
