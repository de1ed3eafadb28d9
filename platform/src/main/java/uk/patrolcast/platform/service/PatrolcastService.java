package uk.patrolcast.platform.service;

import java.util.Map;

/**
 * One Patrolcast service (ingest, features, forecast, allocate, console) as the launcher and the
 * health endpoints see it. Services never call each other: they meet on topics.
 */
public interface PatrolcastService extends AutoCloseable {

  /** Short name: ingest, features, forecast, allocate, console. */
  String name();

  /** Starts the service's threads and returns. */
  void start() throws Exception;

  /** Not failed (liveness): false means the process should be restarted. */
  boolean alive();

  /** Doing its work (readiness): started, caught up enough to answer. */
  boolean ready();

  /**
   * The latest month this service has completely processed and published (YYYY-MM), or null when
   * none yet. The launcher's {@code run} waits on it; operators see it as the stage's watermark.
   */
  default String watermark() {
    return null;
  }

  /** Facts for operators (watermarks, counters), shown by the health endpoint and the console. */
  default Map<String, Object> status() {
    return Map.of();
  }

  /** Stops cleanly; must not throw. */
  @Override
  void close();
}
