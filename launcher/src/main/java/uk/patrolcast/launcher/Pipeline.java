package uk.patrolcast.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.service.PatrolcastService;
import uk.patrolcast.platform.service.ServiceEndpoints;

/** Several services in this process, started in flow order, stopped in reverse, behind one health endpoint. */
final class Pipeline implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

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
    for (int i = services.size() - 1; i >= 0; i--) {
      PatrolcastService s = services.get(i);
      try {
        s.close();
      } catch (RuntimeException e) {
        log.warn("Stopping {} failed: {}", s.name(), e.toString());
      }
    }
    services.clear();
  }
}
