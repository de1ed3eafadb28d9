package uk.patrolcast.ingest.api;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code rate} requests per second on average, up to {@code burst} at once (police.uk
 * allows 15 per second with bursts of 30). {@link #acquire()} waits until a token is free.
 */
public final class TokenBucket {
  private final double rate;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  public TokenBucket(double ratePerSecond, int burst) {
    this(ratePerSecond, burst, System::nanoTime);
  }

  TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTime) {
    this.rate = ratePerSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /** Takes a token, sleeping until one is available. */
  public synchronized void acquire() throws InterruptedException {
    while (true) {
      long wait = tryAcquireNanos();
      if (wait == 0) {
        return;
      }
      Thread.sleep(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
    }
  }

  /** Takes a token and returns 0, or returns how many nanoseconds until one is free. */
  synchronized long tryAcquireNanos() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * rate / 1e9);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / rate * 1e9);
  }
}
