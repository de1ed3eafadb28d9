package uk.patrolcast.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.service.ServiceEndpoints;

/** Several services in this process, started in flow order, stopped in reverse, behind one health endpoint. */
final class Pipeline implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  /** How long stopping every service may take in all (then the process goes on without the rest). */
  private static final Duration STOP_BUDGET = Duration.ofSeconds(40);

  private final List<PatrolcastService> services = new ArrayList<>();
  private final ServiceEndpoints endpoints;

  Pipeline(ServiceEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** Builds and starts a service; on failure, what was started is stopped. */
  PatrolcastService start(ServiceKind kind, Map<String, ?> file, Map<String, String> environment, Map<String, ?> commandLine) {
    PatrolcastService service = kind.create(file, environment, commandLine);
    try {
      service.start();
    } catch (Exception e) {
      service.close();
      throw new IllegalStateException("The " + kind.command + " service failed to start: " + e.getMessage(), e);
    }
    services.add(service);
    if (endpoints != null) {
      endpoints.register(service);
    }
    log.info("{} service started", kind.command);
    return service;
  }

  List<PatrolcastService> services() {
    return Collections.unmodifiableList(services);
  }

  /** A service that died (not alive), or null. */
  PatrolcastService failed() {
    for (PatrolcastService s : services) {
      if (!s.alive()) {
        return s;
      }
    }
    return null;
  }

  @Override
  public void close() {
    stopAll(services, STOP_BUDGET);
    services.clear();
  }

  /** Stops {@code services} in reverse order (the newest first), taking about {@code budget} at most in all. */
  static void stopAll(List<PatrolcastService> services, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    for (int i = services.size() - 1; i >= 0; i--) {
      stop(services.get(i), deadline);
    }
  }

  /**
   * Stops one service, waiting at most until {@code deadline} (at least a second): a service that
   * hangs while stopping is logged and left behind, so Ctrl-C always ends the process and the
   * services after it (and then the broker) still stop. The time each one took is logged.
   */
  private static void stop(PatrolcastService s, long deadline) {
    long started = System.nanoTime();
    Thread stopping = new Thread(() -> {
      try {
        s.close();
      } catch (RuntimeException e) {
        log.warn("Stopping {} failed: {}", s.name(), e.toString());
      }
    }, "patrolcast-stop-" + s.name());
    stopping.setDaemon(true);
    stopping.start();
    try {
      stopping.join(Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(deadline - started)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (stopping.isAlive()) {
      log.warn("{} has not stopped after {} ms; going on without it", s.name(), ms);
    } else {
      log.info("{} stopped in {} ms", s.name(), ms);
    }
  }
}
