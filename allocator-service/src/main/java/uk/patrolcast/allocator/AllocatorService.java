package uk.patrolcast.allocator;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.allocator.http.AvroJson;
import uk.patrolcast.allocator.http.WhatIfJson;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.AllocationSettings;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.allocator.plan.AllocationPlanner;
import uk.patrolcast.allocator.plan.AllocationPlanner.PlanRequest;
import uk.patrolcast.allocator.solve.LpAllocationSolver;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.HttpError;
import uk.patrolcast.platform.http.HttpApi.Response;
import uk.patrolcast.platform.kafka.CatchUp;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.platform.kafka.TopicPartitions;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.service.ServiceEndpoints;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.RegistryOutage;
import uk.patrolcast.schemas.registry.SchemaRegistryException;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * The allocate service. One loop thread reads the reference data, the LSOA forecasts, the
 * ForecastReady announcements and the plan topic itself from the beginning (they are compacted:
 * together they are the service's state), publishes a CURRENT plan for each complete forecast set
 * whose plan id is not on the plan topic yet, and answers what-if requests from their topic (its own
 * consumer group, so each is answered once). HTTP: {@code POST /whatif}, {@code GET /plans/current}.
 */
public final class AllocatorService implements PatrolcastService {
  private static final Logger log = LoggerFactory.getLogger(AllocatorService.class);
  static final String WHATIF_GROUP = "patrolcast-allocator-whatif";

  private final AllocatorConfig config;
  private final AllocationSettings settings;
  private volatile PlanningInputs inputs = PlanningInputs.EMPTY;
  private volatile String watermark;
  private volatile String failure;
  private volatile boolean running;
  private volatile boolean caughtUp;
  private volatile Map<String, String> waiting = Map.of();
  private final AtomicLong whatIfsAnswered = new AtomicLong();
  private final AtomicLong plansPublished = new AtomicLong();
  private AllocationPlanner planner;
  private WhatIfAnswers whatIfs;
  private ServiceEndpoints endpoints;
  private HttpApi http;
  private Thread loop;
  private KafkaConsumer<byte[], byte[]> stateConsumer;
  private KafkaConsumer<byte[], byte[]> whatIfConsumer;

  public AllocatorService(AllocatorConfig config) {
    this.config = config;
    this.settings = config.settings();
  }

  @Override
  public String name() {
    return "allocate";
  }

  @Override
  public void start() {
    List<String> invalid = settings.invalidReasons();
    if (!invalid.isEmpty()) {
      throw new IllegalArgumentException("allocator settings: " + String.join("; ", invalid));
    }
    planner = new AllocationPlanner(new LpAllocationSolver(config.solverOptions()), config.solverThreads());
    whatIfs = new WhatIfAnswers(planner, settings);
    // Health and metrics on the same server as the what-if API: one port per service (alone, with
    // --http-port, a second server on that port could never start).
    endpoints = ServiceEndpoints.start(config.httpHost(), config.httpPort(), "allocator").register(this);
    http = endpoints.http();
    http.post("/whatif", this::httpWhatIf)
        .get("/plans/current", r -> {
          AllocationPlan current = inputs.current();
          if (current == null) {
            throw new HttpError(404, 404, "no current plan yet");
          }
          return Response.json(json(current, r));
        });
    running = true;
    loop = new Thread(this::run, "allocator-loop");
    loop.setDaemon(true);
    loop.start();
    log.info("allocate service started; what-if over HTTP at {}/whatif", http.url());
  }

  private void run() {
    SchemaRegistry registry = config.schemaRegistry();
    var keys = Topics.PLANS.keySerde(registry);
    var profiles = Topics.LSOA_PROFILES.valueSerde(registry);
    var forecasts = Topics.LSOA_FORECASTS.valueSerde(registry);
    var ready = Topics.FORECAST_READY.valueSerde(registry);
    var plans = Topics.PLANS.valueSerde(registry);
    var requests = Topics.WHATIF_REQUESTS.valueSerde(registry);
    String client = "patrolcast-allocator-" + config.instanceId();
    ForecastStore store = new ForecastStore(config.originsKept());
    PlanLedger ledger = new PlanLedger();
    Map<String, Area> areas = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> state = consumer(client + "-state", null);
        KafkaConsumer<byte[], byte[]> whatIf = consumer(client + "-whatif", WHATIF_GROUP);
        KafkaProducer<String, AllocationPlan> producer = new KafkaProducer<>(
            KafkaClientConfigs.producer(config.bootstrapServers(), client), keys.serializer(), plans.serializer())) {
      stateConsumer = state;
      whatIfConsumer = whatIf;
      List<TopicPartition> partitions = TopicPartitions.of(state,
          Topics.LSOA_PROFILES.name(), Topics.LSOA_FORECASTS.name(), Topics.FORECAST_READY.name(), Topics.PLANS.name());
      state.assign(partitions);
      state.seekToBeginning(partitions);
      CatchUp start = CatchUp.of(state, partitions);
      List<TopicPartition> reference = partitions.stream().filter(tp -> tp.topic().equals(Topics.LSOA_PROFILES.name())).toList();
      whatIf.subscribe(List.of(Topics.WHATIF_REQUESTS.name()));
      List<ForecastSet> deferred = new ArrayList<>();
      while (running) {
        boolean changed = false;
        for (ConsumerRecord<byte[], byte[]> r : state.poll(Duration.ofMillis(200))) {
          try {
            String topic = r.topic();
            if (r.value() == null) {
              continue;
            }
            // A registry outage is not a bad record: each read waits until the registry answers.
            if (topic.equals(Topics.LSOA_PROFILES.name())) {
              LsoaProfile p = RegistryOutage.readValue(profiles, r, () -> running);
              areas.put(p.getLsoa21cd(), new Area(p.getLsoa21cd(), p.getWardCode(), p.getWardName(), p.getBoroughCode(),
                  p.getAreaKm2(), p.getPopulation()));
            } else if (topic.equals(Topics.LSOA_FORECASTS.name())) {
              store.add(RegistryOutage.readValue(forecasts, r, () -> running));
            } else if (topic.equals(Topics.FORECAST_READY.name())) {
              store.ready(RegistryOutage.readValue(ready, r, () -> running));
            } else {
              ledger.record(RegistryOutage.readValue(plans, r, () -> running));
            }
            changed = true;
          } catch (RuntimeException e) {
            if (SchemaRegistryException.isUnavailable(e)) {
              throw e; // only when stopping: the record stays unread, not skipped
            }
            log.warn("Skipping an unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
          }
        }
        if (!caughtUp) {
          caughtUp = start.reached(state);
          if (!caughtUp) {
            continue;
          }
          log.info("allocate: state read ({} profiles, {} plans on the topic, watermark {})", areas.size(), ledger.plans(),
              ledger.watermark());
          changed = true;
        }
        if (changed || !deferred.isEmpty()) {
          List<ForecastSet> due = new ArrayList<>(deferred);
          deferred.clear();
          due.addAll(store.takeComplete());
          for (ForecastSet set : due) {
            // Reference data normally precedes forecasts; wait for it while its topic is still being read.
            if (!areas.keySet().containsAll(set.predicted().keySet()) && !CatchUp.readToEnd(state, reference)) {
              deferred.add(set);
            } else {
              publishCurrent(set, areas, ledger, producer);
            }
          }
          inputs = new PlanningInputs(Map.copyOf(areas), store.completeSets(), ledger.current());
          watermark = ledger.watermark();
          waiting = store.waiting();
        }
        var asked = whatIf.poll(Duration.ZERO);
        for (ConsumerRecord<byte[], byte[]> r : asked) {
          answerFromTopic(r, requests, producer);
        }
        if (!asked.isEmpty()) {
          whatIf.commitSync();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        failure = "woken up unexpectedly";
      }
    } catch (RuntimeException e) {
      failure = e.toString();
      log.error("allocate service failed", e);
    } finally {
      stateConsumer = null;
      whatIfConsumer = null;
    }
  }

  private void publishCurrent(ForecastSet set, Map<String, Area> areas, PlanLedger ledger,
      KafkaProducer<String, AllocationPlan> producer) {
    String planId = set.planId();
    if (ledger.has(planId)) {
      log.info("{} is already on {}; not planning it again", planId, Topics.PLANS.name());
      return;
    }
    AllocationPlan previous = ledger.previousFor(set.originMonth(), set.dataRevision());
    AllocationPlan plan = timed("current", () -> planner.plan(
        new PlanRequest(planId, PlanKind.CURRENT, null, areas, set, settings, previous, Instant.now())));
    if (plan.getStatus() == PlanStatus.FAILED) {
      // Never publish a plan that failed; in a run, fail the service with the reason.
      log.error("{} not published: {}", planId, plan.getMessage());
      if ("run".equals(config.mode())) {
        failure = planId + ": " + plan.getMessage();
        running = false;
      }
      return;
    }
    send(producer, Topics.PLANS.name(), planId, plan);
    ledger.record(plan);
    plansPublished.incrementAndGet();
    log.info("Published {} ({}{})", planId, plan.getStatus(), plan.getMessage() == null ? "" : ": " + plan.getMessage());
  }

  private void answerFromTopic(ConsumerRecord<byte[], byte[]> r, AvroSerde<WhatIfRequest> requests,
      KafkaProducer<String, AllocationPlan> producer) {
    WhatIfRequest request;
    try {
      // A registry outage is waited out: skipping the request would leave its asker without an answer.
      request = RegistryOutage.readValue(requests, r, () -> running);
    } catch (RuntimeException e) {
      log.warn("Skipping an unreadable what-if request at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
      return;
    }
    if (request == null) {
      return;
    }
    AllocationPlan answer = timed("whatif", () -> whatIfs.answer(request, inputs, Instant.now()));
    String key = request.getRequestId() == null ? "" : request.getRequestId();
    send(producer, Topics.WHATIF_RESULTS.name(), key, answer);
    whatIfsAnswered.incrementAndGet();
    log.info("Answered what-if {}: {}{}", key, answer.getStatus(), answer.getMessage() == null ? "" : " (" + answer.getMessage() + ")");
  }

  private Response httpWhatIf(HttpApi.Request r) {
    WhatIfRequest request;
    try {
      request = WhatIfJson.parse(r.json(), "http-" + UUID.randomUUID(), Instant.now());
    } catch (IllegalArgumentException e) {
      throw new HttpError(422, 422, e.getMessage());
    }
    PlanningInputs now = inputs;
    if (now.forecasts().isEmpty()) {
      throw new HttpError(503, 503, "no complete forecasts to plan from yet");
    }
    AllocationPlan answer = timed("whatif", () -> whatIfs.answer(request, now, Instant.now()));
    whatIfsAnswered.incrementAndGet();
    return switch (answer.getStatus()) {
      case OPTIMAL -> Response.json(json(answer, r));
      case FAILED -> Response.json(500, refusalJson(answer, 500));
      default -> Response.json(422, refusalJson(answer, 422));
    };
  }

  private static Map<String, Object> refusalJson(AllocationPlan answer, int code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("status", answer.getStatus().name());
    body.put("message", answer.getMessage());
    body.put("requestId", answer.getRequestId());
    return body;
  }

  /** The plan as JSON; {@code ?lsoas=false} leaves out the per-LSOA hours (the wards stay). */
  private static Object json(AllocationPlan plan, HttpApi.Request r) {
    var node = AvroJson.of(plan);
    if ("false".equals(r.query("lsoas", "true"))) {
      node.remove("lsoas");
    }
    return node;
  }

  private static void send(KafkaProducer<String, AllocationPlan> producer, String topic, String key, AllocationPlan value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish " + key + " to " + topic + ": " + e.getMessage(), e);
    }
  }

  private static AllocationPlan timed(String kind, java.util.function.Supplier<AllocationPlan> plan) {
    MeterRegistry metrics = ServiceEndpoints.metrics();
    long started = System.nanoTime();
    AllocationPlan out = plan.get();
    metrics.timer("patrolcast.allocator.plan", "kind", kind, "status", out.getStatus().name())
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    return out;
  }

  private KafkaConsumer<byte[], byte[]> consumer(String clientId, String group) {
    return new KafkaConsumer<>(KafkaClientConfigs.consumer(config.bootstrapServers(), clientId, group),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Base URL of the what-if and plan endpoints (null before start). */
  public String url() {
    return http == null ? null : http.url();
  }

  @Override
  public boolean alive() {
    return failure == null;
  }

  @Override
  public boolean ready() {
    return running && caughtUp && failure == null;
  }

  @Override
  public String watermark() {
    return watermark;
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("watermark", watermark);
    s.put("http", url());
    s.put("caughtUp", caughtUp);
    s.put("plansPublished", plansPublished.get());
    s.put("whatIfsAnswered", whatIfsAnswered.get());
    AllocationPlan current = inputs.current();
    s.put("currentPlan", current == null ? null : current.getPlanId());
    s.put("waitingFor", waiting);
    s.put("profiles", inputs.profiles().size());
    if (failure != null) {
      s.put("failure", failure);
    }
    return s;
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = stateConsumer;
    if (c != null) {
      c.wakeup();
    }
    KafkaConsumer<byte[], byte[]> w = whatIfConsumer;
    if (w != null) {
      w.wakeup();
    }
    if (loop != null) {
      try {
        loop.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (http != null) {
      http.close();
    }
    if (planner != null) {
      planner.close();
    }
  }
}
