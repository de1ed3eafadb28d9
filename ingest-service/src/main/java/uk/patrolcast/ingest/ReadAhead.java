package uk.patrolcast.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads a list of items (sources) on several threads, in order and at most a window ahead of the one
 * taken last, so that reading, which is CPU work, runs on every core while the taker publishes in
 * strict order. Taking blocks until that item is read; {@link #ready} tells whether the next one is.
 *
 * @param <T> what is read
 * @param <R> what reading gives
 */
final class ReadAhead<T, R> implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final List<T> items;
  private final Function<T, R> read;
  private final int window;
  private final ExecutorService threads;
  private final List<Future<R>> futures = new ArrayList<>();
  private int taken;

  /**
   * @param threads reading threads
   * @param window how many items may be read (or being read) beyond the last one taken
   */
  ReadAhead(List<T> items, Function<T, R> read, int threads, int window) {
    this.items = items;
    this.read = read;
    this.window = Math.max(1, window);
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "patrolcast-ingest-read-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    fill();
  }

  /** Whether another item is left to take. */
  boolean hasNext() {
    return taken < items.size();
  }

  /** Whether the next item is read already (taking it would not wait). */
  boolean ready() {
    return hasNext() && futures.get(taken).isDone();
  }

  /** The next item's reading, in order; waits for it. */
  R next() throws InterruptedException {
    Future<R> f = futures.get(taken);
    futures.set(taken, null);
    taken++;
    fill();
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Reading a source failed: " + cause, cause);
    }
  }

  /** Submits the items up to the window, in order (the pool's queue keeps that order). */
  private void fill() {
    while (futures.size() < items.size() && futures.size() < taken + window) {
      T item = items.get(futures.size());
      futures.add(threads.submit(() -> read.apply(item)));
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
