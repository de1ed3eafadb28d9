package uk.patrolcast.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import uk.patrolcast.platform.service.PatrolcastService;

/** A service alone in its process: when it dies, the process must notice (and exit, to be restarted). */
class DaemonTest {
  /** A service whose liveness the test sets. */
  static final class Switchable implements PatrolcastService {
    final AtomicBoolean alive = new AtomicBoolean(true);

    @Override
    public String name() {
      return "switchable";
    }

    @Override
    public void start() {}

    @Override
    public boolean alive() {
      return alive.get();
    }

    @Override
    public boolean ready() {
      return alive.get();
    }

    @Override
    public Map<String, Object> status() {
      return Map.of("failure", "lost its broker");
    }

    @Override
    public void close() {}
  }

  @Test
  void servingEndsWhenTheServiceDies() throws Exception {
    Switchable service = new Switchable();
    Daemon daemon = Daemon.onStop("test", () -> {});
    Thread killer = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      service.alive.set(false);
    });
    killer.start();
    assertThat(daemon.serveWhileAlive(service, Duration.ofMillis(50))).isFalse();
    assertThat(service.alive()).isFalse();
    killer.join();
  }
}
