package uk.patrolcast.launcher;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a command serving until Ctrl-C (SIGINT/SIGTERM), then runs its shutdown once. Register it
 * before telling the user the command is up, so a stop request never races the hook.
 */
final class Daemon {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Daemon() {}

  /** Installs the shutdown for {@code what}; call {@link #awaitStop()} once serving. */
  static Daemon onStop(String what, Runnable shutdown) {
    Daemon daemon = new Daemon();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Stopping {} ...", what);
      try {
        shutdown.run();
        log.info("{} stopped cleanly", what);
      } finally {
        daemon.stopped.countDown();
      }
    }, "patrolcast-shutdown"));
    return daemon;
  }

  /** Blocks until the shutdown has run (the JVM exits when the hook returns). */
  void awaitStop() throws InterruptedException {
    stopped.await();
  }
}
