package uk.patrolcast.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops the WARN lines Kafka prints on every healthy start and stop, so that a warning on an
 * operator's screen means something (logback.xml installs it). Each is matched by its logger and its
 * whole text, never by logger alone: the same loggers' other warnings (a broker that cannot be
 * reached, a topic that does not exist) still print.
 */
public final class BenignKafkaWarnings extends Filter<ILoggingEvent> {
  private record Benign(String logger, Pattern message) {}

  private static final List<Benign> BENIGN = List.of(
      // A Streams app's own internal topics, asked for in the moment before it creates them.
      new Benign("org.apache.kafka.clients.NetworkClient",
          Pattern.compile(".*The metadata response from the cluster reported a recoverable issue with correlation id \\d+ : "
              + "\\{[^=,{}]+-(repartition|changelog)=UNKNOWN_TOPIC_OR_PARTITION(, [^=,{}]+-(repartition|changelog)=UNKNOWN_TOPIC_OR_PARTITION)*\\}")),
      // Printed once per stream thread even with processing.exception.handler.global.enabled=true (FeatureTopology).
      new Benign("org.apache.kafka.streams.StreamsConfig",
          Pattern.compile("Processing exception handler is not enabled for the GlobalThread\\..*")),
      // The embedded broker's first start on a fresh directory.
      new Benign("org.apache.kafka.controller.QuorumController",
          Pattern.compile(".*Performing controller activation\\. The metadata log appears to be empty\\..*")),
      // The embedded broker's own shutdown.
      new Benign("org.apache.kafka.clients.NetworkClient",
          Pattern.compile(".*Attempting to close NetworkClient that has already been closed\\.")));

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (event.getLevel() != Level.WARN) {
      return FilterReply.NEUTRAL;
    }
    for (Benign b : BENIGN) {
      if (b.logger.equals(event.getLoggerName()) && b.message.matcher(event.getFormattedMessage()).matches()) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
