package uk.patrolcast.console.feed;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One consumer polled by its own thread until closed: the consumer is made and used only on that
 * thread (Kafka consumers are not thread-safe); {@link #close} wakes a blocked poll and waits.
 */
public final class PollingThread implements AutoCloseable {
  /** What the thread does with its consumer while {@code running} says so. */
  @FunctionalInterface
  public interface Body {
    void run(KafkaConsumer<byte[], byte[]> consumer, BooleanSupplier running) throws InterruptedException;
  }

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  /** @param onFailure called with an error that ended the loop while still running */
  public PollingThread(String name, Properties consumerProperties, Body body, Consumer<RuntimeException> onFailure) {
    thread = new Thread(() -> {
      try (KafkaConsumer<byte[], byte[]> c =
          new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        consumer = c;
        body.run(c, running::get);
      } catch (WakeupException e) {
        // closing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        if (running.get()) {
          onFailure.accept(e);
        }
      }
    }, name);
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  @Override
  public void close() {
    running.set(false);
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
