package uk.patrolcast.launcher.survival;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the deployment's {@code restart: unless-stopped} does for services a test does not kill itself:
 * a service that ends on its own (it exits on a fatal error, e.g. a broker that stays away longer than
 * its client timeouts, "so that a supervisor restarts it") is started again. Not for services under a
 * {@link KillSchedule}, which restarts its own.
 */
final class RestartPolicy implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RestartPolicy.class);

  private final List<ChildJvm> services;
  private final AtomicInteger restarts = new AtomicInteger();
  private final Thread thread;
  private volatile boolean running = true;

  RestartPolicy(List<ChildJvm> services) {
    this.services = List.copyOf(services);
    thread = new Thread(this::run, "restart-policy");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      for (ChildJvm s : services) {
        if (running && !s.alive()) {
          try {
            log.info("{} ended on its own; restarting it (restart policy)", s.name());
            s.start();
            restarts.incrementAndGet();
          } catch (Exception e) {
            log.error("Cannot restart {}", s.name(), e);
          }
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Restarts so far. */
  int restarts() {
    return restarts.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(10_000);
  }
}
