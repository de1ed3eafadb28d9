package uk.patrolcast.platform.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/** A Kafka cluster a command is pointed at by address (not one this process runs). */
public final class KafkaCluster {
  private KafkaCluster() {}

  /**
   * Returns once a broker at {@code bootstrapServers} answers (lists the cluster's nodes); throws,
   * naming the address and what to do, when none has within {@code timeout}. Without it a wrong
   * address shows as a minute of client warnings and then a bare TimeoutException.
   */
  public static void requireReachable(String bootstrapServers, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000));
    Admin admin;
    try {
      admin = Admin.create(p);
    } catch (KafkaException e) {
      // The client wraps the reason ("No resolvable bootstrap urls ...") in "Failed to create ...".
      Throwable reason = e;
      while (reason.getCause() != null) {
        reason = reason.getCause();
      }
      throw new IllegalStateException("Cannot use the Kafka address " + bootstrapServers + ": " + reason.getMessage(), e);
    }
    try {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka at " + bootstrapServers, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("No Kafka broker answers at " + bootstrapServers + " (waited " + timeout.toSeconds()
          + " s). Start one with 'patrolcast stack' or 'patrolcast up', or give its address with --bootstrap or"
          + " PATROLCAST_BOOTSTRAP_SERVERS.", e);
    } finally {
      admin.close(Duration.ofSeconds(1));
    }
  }
}
