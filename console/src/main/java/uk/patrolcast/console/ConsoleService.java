package uk.patrolcast.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.console.feed.TopicFeed;
import uk.patrolcast.console.feed.WhatIfClient;
import uk.patrolcast.console.ops.ClusterMonitor;
import uk.patrolcast.console.ops.HealthProbe;
import uk.patrolcast.console.ops.OperationsMonitor;
import uk.patrolcast.console.ops.SchemaCatalogue;
import uk.patrolcast.console.view.AreaIndex;
import uk.patrolcast.console.view.ConsoleState;
import uk.patrolcast.console.web.AllocationApi;
import uk.patrolcast.console.web.BoundaryShapes;
import uk.patrolcast.console.web.ConsoleApi;
import uk.patrolcast.console.web.EventStream;
import uk.patrolcast.console.web.InsightsApi;
import uk.patrolcast.console.web.OverviewApi;
import uk.patrolcast.console.web.ResourcesApi;
import uk.patrolcast.console.web.StaticAssets;
import uk.patrolcast.console.web.TokenGuard;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.service.ServiceEndpoints;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * The web console: its own consumers build compact views of the topics, an HTTP server on
 * {@code http.host:http.port} serves the pages, their data, server-sent events, {@code /metrics} and
 * {@code /health/*}, and what-if requests go to the allocator over topics. Boundaries come from the
 * data directory when one is configured.
 */
public final class ConsoleService implements PatrolcastService {
  private static final Logger log = LoggerFactory.getLogger(ConsoleService.class);

  private final ConsoleConfig config;
  private final ConsoleState state;
  private final Map<String, BoundaryShapes> shapes = new ConcurrentHashMap<>();
  private final AtomicBoolean feedWasCaughtUp = new AtomicBoolean();
  private SchemaRegistryClient registry;
  private TopicFeed feed;
  private WhatIfClient whatIf;
  private EventStream events;
  private OperationsMonitor operations;
  private ServiceEndpoints endpoints;
  private ScheduledExecutorService pusher;
  private Thread boot;
  private volatile boolean started;

  public ConsoleService(ConsoleConfig config) {
    this.config = config;
    this.state = new ConsoleState(config.featureMonths(), config.forecastOrigins(), config.rejectedKeep());
  }

  @Override
  public String name() {
    return "console";
  }

  @Override
  public void start() {
    var metrics = ServiceEndpoints.metrics();
    registry = config.schemaRegistry();
    feed = new TopicFeed(config.bootstrapServers(), registry, state, metrics);
    whatIf = new WhatIfClient(config.bootstrapServers(), registry, metrics);
    events = new EventStream();
    metrics.gauge("console_browsers_connected", events, EventStream::clients);
    operations = new OperationsMonitor(new ClusterMonitor(config.bootstrapServers()), new SchemaCatalogue(registry),
        new HealthProbe(config.healthUrls()), snapshot -> events.publish("ops", Map.of("at", snapshot.getOrDefault("at", ""))));
    TokenGuard guard = new TokenGuard(config.token());
    endpoints = ServiceEndpoints.start(config.httpHost(), config.httpPort(), "console");
    endpoints.register(this);
    var http = endpoints.http();
    new ConsoleApi(state, feed, operations, events, () -> Map.copyOf(shapes)).register(http, new StaticAssets(),
        new OverviewApi(state, () -> Map.copyOf(shapes)), new InsightsApi(state),
        new AllocationApi(state, guard, whatIf, config.whatIfTimeout()), new ResourcesApi(state));
    whatIf.start();
    operations.start(config.operationsInterval().toMillis());
    pusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "console-push");
      t.setDaemon(true);
      return t;
    });
    pusher.scheduleWithFixedDelay(this::push, config.pushInterval().toMillis(), config.pushInterval().toMillis(),
        TimeUnit.MILLISECONDS);
    // Boundaries first (they fix the order of the areas), then the topics.
    boot = new Thread(() -> {
      loadBoundaries();
      if (started) {
        feed.start();
      }
    }, "console-boot");
    boot.setDaemon(true);
    started = true;
    boot.start();
    log.info("console at {} (writes {})", endpoints.url(), guard.writesEnabled() ? "need the token" : "disabled: no console.token");
  }

  /** Base URL of the console, e.g. http://127.0.0.1:8080. */
  public String url() {
    return endpoints.url();
  }

  private void loadBoundaries() {
    DataLayout layout = config.dataLayoutOrNull();
    if (layout == null) {
      log.warn("No data directory configured: the console's maps have no boundaries (set data.dir)");
      return;
    }
    double tolerance = config.geometryTolerance();
    load(layout.path("boundaries.lsoa21"), "lsoa", "LSOA21CD", "LSOA21NM", tolerance, state.lsoas());
    load(layout.path("boundaries.ward24"), "ward", "WD24CD", "WD24NM", tolerance, state.wards());
    load(layout.path("boundaries.borough"), "borough", "GSS_CODE", "NAME", Math.max(tolerance, 0.0005), null);
  }

  private void load(Path file, String level, String code, String name, double tolerance, AreaIndex seed) {
    if (!Files.isRegularFile(file)) {
      log.warn("No {} boundaries at {}: that map level is unavailable", level, file);
      return;
    }
    long t = System.nanoTime();
    try {
      BoundaryShapes b = BoundaryShapes.load(level, file, code, name, tolerance);
      if (seed != null) {
        b.codes().forEach(seed::add);
      }
      shapes.put(level, b);
      log.info("{} boundaries: {} areas, {} -> {} vertices, {} kB gzipped, in {} ms", level, b.codes().size(),
          b.sourceVertices(), b.vertices(), b.gzipped().length / 1024, (System.nanoTime() - t) / 1_000_000);
    } catch (Exception e) {
      log.warn("Cannot load {} boundaries from {}: {}", level, file, e.toString());
    }
  }

  private void push() {
    try {
      var changed = state.drainChanges();
      boolean caughtUp = feed.caughtUp();
      boolean justCaughtUp = caughtUp && !feedWasCaughtUp.getAndSet(true);
      if (changed.isEmpty() && !justCaughtUp) {
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("channels", changed.stream().map(c -> c.name().toLowerCase()).toList());
      body.put("caughtUp", caughtUp);
      body.put("watermarks", state.read(s -> s.watermarks().stages()));
      events.publish("changed", body);
    } catch (RuntimeException e) {
      log.warn("Push to browsers failed: {}", e.toString());
    }
  }

  @Override
  public boolean alive() {
    return feed == null || feed.alive();
  }

  @Override
  public boolean ready() {
    return started && feed != null && feed.caughtUp();
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("url", endpoints == null ? null : endpoints.url());
    if (feed != null) {
      s.put("feed", feed.status());
    }
    s.put("boundaries", List.copyOf(shapes.keySet()));
    s.put("watermarks", state.read(st -> st.watermarks().stages()));
    s.put("writesEnabled", config.token() != null);
    return s;
  }

  /** The views, for tests and benchmarks in this module. */
  public ConsoleState state() {
    return state;
  }

  @Override
  public void close() {
    started = false;
    if (events != null) {
      events.close();
    }
    if (pusher != null) {
      pusher.shutdownNow();
    }
    if (operations != null) {
      operations.close();
    }
    if (endpoints != null) {
      endpoints.close();
    }
    if (whatIf != null) {
      whatIf.close();
    }
    if (boot != null) {
      try {
        boot.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (feed != null) {
      feed.close();
    }
  }
}
