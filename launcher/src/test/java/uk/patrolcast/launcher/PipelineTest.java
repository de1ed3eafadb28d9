package uk.patrolcast.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import uk.patrolcast.platform.service.PatrolcastService;

/** Stopping the services of one process: newest first, and a service that hangs does not keep the others (or the process) up. */
class PipelineTest {
  /** A service that records when it was closed; a hanging one never returns from close. */
  private record Recorded(String name, List<String> closed, CountDownLatch hangs) implements PatrolcastService {
    @Override
    public void start() {}

    @Override
    public boolean alive() {
      return true;
    }

    @Override
    public boolean ready() {
      return true;
    }

    @Override
    public Map<String, Object> status() {
      return Map.of();
    }

    @Override
    public void close() {
      if (hangs != null) {
        try {
          hangs.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (closed) {
        closed.add(name);
      }
    }
  }

  @Test
  void stopsNewestFirstAndGoesOnPastAServiceThatHangs() {
    List<String> closed = new ArrayList<>();
    CountDownLatch never = new CountDownLatch(1);
    List<PatrolcastService> services = List.of(new Recorded("ingest", closed, null), new Recorded("features", closed, never),
        new Recorded("console", closed, null));
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Pipeline.stopAll(services, Duration.ofSeconds(2)));
    synchronized (closed) {
      assertThat(closed).containsExactly("console", "ingest");
    }
    never.countDown();
  }

  @Test
  void servicesThatStopAreAllStoppedInReverseOrder() {
    List<String> closed = new ArrayList<>();
    List<PatrolcastService> services = List.of(new Recorded("ingest", closed, null), new Recorded("features", closed, null),
        new Recorded("forecast", closed, null));
    Pipeline.stopAll(services, Duration.ofSeconds(5));
    assertThat(closed).containsExactly("forecast", "features", "ingest");
  }
}
