package uk.patrolcast.launcher.survival;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills one service with SIGKILL at seeded random points and restarts it at once, {@code kills}
 * times, on its own thread. A kill point is a random delay after the restart or, when the service has
 * a {@code progress} count to follow, after it has moved on by a random 0..1 steps since the restart
 * and then a random delay: with the ingest's sources as progress, some kills land in the middle of
 * the replay rather than all in start-up (loading the reference data takes it a while). The seed and the points are
 * logged so a failure can be replayed (timing on a loaded machine still varies around them).
 */
final class KillSchedule {
  private static final Logger log = LoggerFactory.getLogger(KillSchedule.class);

  /** One kill: which one, how long after the restart, and the progress count then. */
  record Kill(String service, int number, long afterRestartMs, long progressAtKill) {}

  private final ChildJvm service;
  private final long seed;
  private final int kills;
  private final Duration minDelay;
  private final Duration maxDelay;
  private final LongSupplier progress;
  private final boolean followsProgress;
  private final Duration stepTimeout;
  private final Duration afterStepMax;
  private final int maxSteps;
  private final List<Kill> done = Collections.synchronizedList(new ArrayList<>());
  private volatile Throwable failure;
  private Thread thread;

  KillSchedule(ChildJvm service, long seed, int kills, Duration minDelay, Duration maxDelay, LongSupplier progress) {
    this(service, seed, kills, minDelay, maxDelay, progress, 1, Duration.ofMinutes(3), null);
  }

  /**
   * @param maxSteps each kill waits for a random 0..maxSteps steps of progress since the restart
   * @param stepTimeout the longest a kill waits for its progress step (then it goes on with its delay)
   * @param afterStepMax when not null, a kill that waited for a step follows it within a random
   *     0..afterStepMax instead of the usual delay: it lands in the middle of the work the step began
   *     (the next origin, the drivers of the one just announced)
   */
  KillSchedule(ChildJvm service, long seed, int kills, Duration minDelay, Duration maxDelay, LongSupplier progress, int maxSteps,
      Duration stepTimeout, Duration afterStepMax) {
    this.service = service;
    this.seed = seed;
    this.kills = kills;
    this.minDelay = minDelay;
    this.maxDelay = maxDelay;
    this.progress = progress == null ? () -> 0 : progress;
    this.followsProgress = progress != null;
    this.stepTimeout = stepTimeout;
    this.afterStepMax = afterStepMax;
    this.maxSteps = maxSteps;
  }

  KillSchedule start() {
    thread = new Thread(this::run, "kill-" + service.name());
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void run() {
    Random random = new Random(seed);
    try {
      for (int i = 1; i <= kills; i++) {
        long restarted = System.nanoTime();
        long base = progress.getAsLong();
        // With progress to follow, half the kills wait for one more step of it (bounded), half do not.
        int steps = followsProgress ? random.nextInt(maxSteps + 1) : 0;
        long delay = minDelay.toMillis() + (long) (random.nextDouble() * (maxDelay.toMillis() - minDelay.toMillis()));
        // Wait (bounded) for the progress steps, then the delay.
        long stepDeadline = System.nanoTime() + stepTimeout.toNanos();
        while (progress.getAsLong() < base + steps && System.nanoTime() < stepDeadline) {
          Thread.sleep(100);
        }
        if (steps > 0 && afterStepMax != null) {
          delay = (long) (random.nextDouble() * afterStepMax.toMillis());
        }
        Thread.sleep(delay);
        long at = progress.getAsLong();
        service.kill();
        Kill k = new Kill(service.name(), i, (System.nanoTime() - restarted) / 1_000_000, at);
        done.add(k);
        log.info("Kill {} of {} (seed {}): {} ms after its restart, progress {}", i, service.name(), seed, k.afterRestartMs(), at);
        service.start();
      }
    } catch (Throwable t) {
      failure = t;
      log.error("Kill schedule of {} failed", service.name(), t);
    }
  }

  /** Waits for the schedule to finish; rethrows what went wrong in it. */
  List<Kill> await(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    if (thread.isAlive()) {
      thread.interrupt();
      throw new AssertionError("Kill schedule of " + service.name() + " did not finish within " + timeout.toSeconds() + " s");
    }
    if (failure != null) {
      throw new AssertionError("Kill schedule of " + service.name() + " failed", failure);
    }
    return List.copyOf(done);
  }
}
