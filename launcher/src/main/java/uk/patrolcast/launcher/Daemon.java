package uk.patrolcast.launcher;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a command serving until Ctrl-C (SIGINT/SIGTERM), then runs its shutdown once. */
final class Daemon {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  private Daemon() {}

  /** Blocks until the JVM is asked to stop; {@code shutdown} runs before it exits. */
  static void serveUntilStopped(String what, Runnable shutdown) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      log.info("Stopping {} ...", what);
      try {
        shutdown.run();
      } finally {
        stopped.countDown();
      }
      log.info("{} stopped cleanly", what);
    }, "patrolcast-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    // Wait for the hook to finish; the JVM exits when it returns.
    stopped.await();
  }
}
