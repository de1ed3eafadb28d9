package uk.patrolcast.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.ingest.IngestService;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.SchemaRoundTrip;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * The pipeline on a fresh embedded stack: topics created, schemas round-tripped, the four stages
 * started in flow order; and the wait until every stage has finished a month. Shared by
 * {@code patrolcast run} and {@code patrolcast bench}.
 */
public final class PipelineRun implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PipelineRun.class);
  /** Settings the run passes to the services (their config classes define them). */
  public static final String MODE = "patrolcast.mode";
  public static final String UNTIL = "ingest.until";
  public static final String TRAIN_UNTIL = "forecast.train.until";
  private static final List<ServiceKind> AFTER_INGEST = List.of(ServiceKind.FEATURES, ServiceKind.FORECAST, ServiceKind.ALLOCATE);

  private final LocalStack stack;
  private final SchemaRegistryClient registry;
  private final Map<String, Integer> schemaIds;
  private final Pipeline pipeline = new Pipeline(null);
  private final List<PatrolcastService> stages = new ArrayList<>();
  private final long started;
  private IngestService ingest;
  private String trainUntil;

  private PipelineRun(LocalStack stack, long started) {
    this.stack = stack;
    this.started = started;
    this.registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
    Properties adminProps = new Properties();
    adminProps.put("bootstrap.servers", stack.bootstrapServers());
    try (Admin admin = Admin.create(adminProps)) {
      TopicProvisioning.ensureAll(admin);
    }
    this.schemaIds = SchemaRoundTrip.run(stack.bootstrapServers(), registry);
    log.info("Schemas round-tripped through broker and registry for {} topics", schemaIds.size());
  }

  /**
   * Starts a temporary stack and the stages. {@code settings} are the command line's settings (mode,
   * until, ...); the stack's addresses, the data and state directories are added. Unless given, the
   * model trains up to the last input month ingest found.
   */
  public static PipelineRun start(Path data, Map<String, ?> file, Map<String, ?> settings, long started) {
    LocalStack stack = LocalStack.startTemporary();
    PipelineRun run = null;
    try {
      run = new PipelineRun(stack, started);
      run.startStages(data, file, settings);
      return run;
    } catch (RuntimeException e) {
      if (run != null) {
        run.close();
      } else {
        stack.close();
      }
      throw e;
    }
  }

  private void startStages(Path data, Map<String, ?> file, Map<String, ?> settings) {
    Map<String, Object> commandLine = new HashMap<>(settings);
    commandLine.put(ServiceConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
    commandLine.put(ServiceConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    commandLine.put(ServiceConfig.DATA_DIR, data.toAbsolutePath().toString());
    commandLine.put(ServiceConfig.STATE_DIR, stack.dir().resolve("state").toString());
    ingest = (IngestService) pipeline.start(ServiceKind.INGEST, file, System.getenv(), commandLine);
    // Ingest has scanned its sources once started: the model trains up to the last input month
    // unless told otherwise.
    if (commandLine.get(TRAIN_UNTIL) == null && ingest.lastInputMonth() != null) {
      commandLine.put(TRAIN_UNTIL, ingest.lastInputMonth());
      trainUntil = ingest.lastInputMonth();
    }
    stages.add(ingest);
    for (ServiceKind kind : AFTER_INGEST) {
      stages.add(pipeline.start(kind, file, System.getenv(), commandLine));
    }
  }

  public LocalStack stack() {
    return stack;
  }

  public SchemaRegistryClient registry() {
    return registry;
  }

  public Map<String, Integer> schemaIds() {
    return schemaIds;
  }

  public IngestService ingest() {
    return ingest;
  }

  public List<PatrolcastService> stages() {
    return List.copyOf(stages);
  }

  /** The month the model was told to train up to by default (null when given or when there is no input). */
  public String defaultTrainUntil() {
    return trainUntil;
  }

  /**
   * The stages that publish something: a placeholder (status implemented=false) publishes nothing,
   * nor does a stage that says it cannot (status publishes=false, e.g. a forecast service with too
   * little history to train), nor the stages after either (in flow order), which have nothing to work on.
   */
  public List<PatrolcastService> workingStages() {
    List<PatrolcastService> working = new ArrayList<>();
    for (PatrolcastService s : stages) {
      Map<String, Object> status = s.status();
      if (Boolean.FALSE.equals(status.get("implemented")) || Boolean.FALSE.equals(status.get("publishes"))) {
        break;
      }
      working.add(s);
    }
    return working;
  }

  /**
   * The stages that will publish nothing (those after {@link #workingStages()}), each with why: the
   * first says its own reason, the later ones that they wait on it. Empty when every stage works.
   */
  public Map<String, String> idleStages() {
    return idleStages(workingStages());
  }

  private Map<String, String> idleStages(List<PatrolcastService> working) {
    List<PatrolcastService> idle = stages.subList(working.size(), stages.size());
    Map<String, String> out = new LinkedHashMap<>();
    for (PatrolcastService s : idle) {
      out.put(s.name(), out.isEmpty() ? whyIdle(s) : "nothing to work on without " + idle.get(0).name());
    }
    return out;
  }

  /** Whether every stage, forecast and allocation included, is implemented. */
  public boolean plansPublished() {
    return workingStages().size() == stages.size();
  }

  /**
   * Waits until every working stage's watermark has reached {@code month}; returns, per stage, the
   * seconds from {@code since} (System.nanoTime) until it had. Fails when a service dies or the
   * deadline (System.nanoTime) passes.
   */
  public Map<String, Double> awaitMonth(String month, long since, long deadline) {
    Map<String, Double> done = new LinkedHashMap<>();
    int reported = stages.size();
    // A stage can find out while we wait that it will publish nothing (too little history): look again each round.
    for (List<PatrolcastService> working = workingStages(); !done.keySet().containsAll(names(working)); working = workingStages()) {
      if (working.size() < reported) {
        reported = working.size();
        Map<String, String> idle = idleStages(working);
        log.warn("Not waiting for {}: {}", idle.keySet(), idle.values().iterator().next());
      }
      PatrolcastService failed = pipeline.failed();
      if (failed != null) {
        throw new IllegalStateException("The " + failed.name() + " service failed: " + failed.status());
      }
      for (PatrolcastService s : working) {
        String watermark = s.watermark();
        if (!done.containsKey(s.name()) && watermark != null && watermark.compareTo(month) >= 0) {
          done.put(s.name(), seconds(since, System.nanoTime()));
          log.info("{} finished {} after {} s", s.name(), month, done.get(s.name()));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out waiting for " + month + "; stages done: " + done.keySet());
      }
      sleep(100);
    }
    return done;
  }

  private static List<String> names(List<PatrolcastService> services) {
    return services.stream().map(PatrolcastService::name).toList();
  }

  private static String whyIdle(PatrolcastService first) {
    Object waiting = first.status().get("waiting");
    return waiting != null ? waiting.toString() : "not implemented yet, or downstream of a stage that is not";
  }

  /** Seconds (to the millisecond) from {@code since} (System.nanoTime) to {@code until}. */
  public static double seconds(long since, long until) {
    return RunCommand.round((until - since) / 1e9);
  }

  /** Seconds since the run started. */
  public double elapsed() {
    return RunCommand.round((System.nanoTime() - started) / 1e9);
  }

  /** Stops the services (in reverse flow order); the stack stays up, so that topics can still be read. */
  public void stopServices() {
    pipeline.close();
  }

  /** Stops the services (in reverse flow order), then the stack. */
  @Override
  public void close() {
    try {
      pipeline.close();
    } finally {
      stack.close();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
