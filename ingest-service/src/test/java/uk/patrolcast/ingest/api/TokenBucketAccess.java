package uk.patrolcast.ingest.api;

import java.util.function.LongSupplier;

/** Test access to the token bucket's clock-driven constructor and non-blocking take. */
public final class TokenBucketAccess {
  private TokenBucketAccess() {}

  public static TokenBucket withClock(double rate, int burst, LongSupplier nanoTime) {
    return new TokenBucket(rate, burst, nanoTime);
  }

  public static long tryAcquire(TokenBucket bucket) {
    return bucket.tryAcquireNanos();
  }
}
