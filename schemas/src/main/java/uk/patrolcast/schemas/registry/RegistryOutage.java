package uk.patrolcast.schemas.registry;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading a record through a registry that may be down for a while (restarting, say). An unreachable
 * registry is not a bad record: a reader that skipped the record would lose it, so the read is tried
 * again, with growing pauses, until the registry answers or the reader stops. Any other failure (a
 * record that cannot be decoded) is thrown at once for the caller to dead-letter or skip.
 */
public final class RegistryOutage {
  private static final Logger log = LoggerFactory.getLogger(RegistryOutage.class);
  static final long FIRST_PAUSE_MS = 250;
  static final long LONGEST_PAUSE_MS = 5_000;

  private RegistryOutage() {}

  /**
   * A {@code running} condition for a reader with no stop of its own: true until {@code patience}
   * has passed since it was first asked (when the registry first failed to answer).
   */
  public static BooleanSupplier patience(Duration patience) {
    long[] since = {0};
    return () -> {
      long now = System.nanoTime();
      if (since[0] == 0) {
        since[0] = now;
      }
      return now - since[0] < patience.toNanos();
    };
  }

  /** A consumed record's value decoded by {@code value}, waiting out a registry outage. */
  public static <T> T readValue(Serde<T> value, ConsumerRecord<?, byte[]> record, BooleanSupplier running) {
    return readThrough(() -> value.deserializer().deserialize(record.topic(), record.value()), running, record);
  }

  /** {@link #readThrough(Supplier, BooleanSupplier, String)} for a consumed record (named topic-partition@offset in the log). */
  public static <T> T readThrough(Supplier<T> read, BooleanSupplier running, ConsumerRecord<?, ?> record) {
    return readThrough(read, running, record.topic() + "-" + record.partition() + "@" + record.offset());
  }

  /**
   * The value of {@code read}, waiting out a registry outage.
   *
   * @param what the record, for the log
   * @param running false once the reader stops; then the outage is thrown
   */
  public static <T> T readThrough(Supplier<T> read, BooleanSupplier running, String what) {
    long pause = FIRST_PAUSE_MS;
    long since = 0;
    while (true) {
      try {
        T value = read.get();
        if (since != 0) {
          log.info("The schema registry answers again; read {} after {} ms", what, (System.nanoTime() - since) / 1_000_000);
        }
        return value;
      } catch (RuntimeException e) {
        if (!SchemaRegistryException.isUnavailable(e) || !running.getAsBoolean()) {
          throw e;
        }
        if (since == 0) {
          since = System.nanoTime();
          log.warn("The schema registry cannot be reached ({}); reading {} again until it answers", e.getMessage(), what);
        }
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the schema registry to read " + what, e);
      }
      pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
    }
  }
}
