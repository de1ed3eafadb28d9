package uk.patrolcast.console.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes what the Operations page shows on a schedule (topics, groups, schemas, service health)
 * in one background thread, keeps the latest snapshot, and hands each new one to a listener (the
 * push to browsers). Schemas change rarely: they are read every sixth round.
 */
public final class OperationsMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperationsMonitor.class);

  private final ClusterMonitor cluster;
  private final SchemaCatalogue schemas;
  private final HealthProbe health;
  private final ScheduledExecutorService scheduler;
  private final Consumer<Map<String, Object>> listener;
  private volatile Map<String, Object> latest = Map.of("pending", true);
  private volatile Map<String, Object> latestSchemas = Map.of();
  private int round;

  public OperationsMonitor(ClusterMonitor cluster, SchemaCatalogue schemas, HealthProbe health,
      Consumer<Map<String, Object>> listener) {
    this.cluster = cluster;
    this.schemas = schemas;
    this.health = health;
    this.listener = listener;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "console-operations");
      t.setDaemon(true);
      return t;
    });
  }

  public void start(long intervalMillis) {
    scheduler.scheduleWithFixedDelay(this::refresh, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /** The latest snapshot: cluster, schemas and health. */
  public Map<String, Object> latest() {
    return latest;
  }

  void refresh() {
    try {
      Map<String, Object> snapshot = new LinkedHashMap<>(cluster.snapshot());
      if (round++ % 6 == 0) {
        latestSchemas = schemas.snapshot();
      }
      snapshot.put("schemas", latestSchemas);
      List<Map<String, Object>> probes = health.probe();
      snapshot.put("health", probes);
      latest = snapshot;
      listener.accept(snapshot);
    } catch (RuntimeException e) {
      log.warn("Operations refresh failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cluster.close();
  }
}
