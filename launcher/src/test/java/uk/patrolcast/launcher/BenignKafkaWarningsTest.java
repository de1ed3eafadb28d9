package uk.patrolcast.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class BenignKafkaWarningsTest {
  private final LoggerContext context = new LoggerContext();
  private final BenignKafkaWarnings filter = new BenignKafkaWarnings();

  private FilterReply decide(String logger, Level level, String message) {
    return filter.decide(new LoggingEvent(getClass().getName(), context.getLogger(logger), level, message, null, null));
  }

  @Test
  void theWarningsOfEveryHealthyStartAndStopAreDropped() {
    // Texts as Kafka 4.4 printed them on `patrolcast run` (2026-11-29).
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, "[Consumer clientId=patrolcast-features-f8b7-StreamThread-2-consumer, "
        + "groupId=patrolcast-features] The metadata response from the cluster reported a recoverable issue with correlation id 2 : "
        + "{patrolcast-features-builder-input-repartition=UNKNOWN_TOPIC_OR_PARTITION}")).isEqualTo(FilterReply.DENY);
    assertThat(decide("org.apache.kafka.streams.StreamsConfig", Level.WARN, "Processing exception handler is not enabled for the GlobalThread. "
        + "It's recommended to set `processing.exception.handler.global.enabled` to true")).isEqualTo(FilterReply.DENY);
    assertThat(decide("org.apache.kafka.controller.QuorumController", Level.WARN, "[QuorumController id=1] Performing controller activation. "
        + "The metadata log appears to be empty. Appending 6 bootstrap record(s) in metadata transaction")).isEqualTo(FilterReply.DENY);
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, "[NodeToControllerChannelManager id=1 name=registration] "
        + "Attempting to close NetworkClient that has already been closed.")).isEqualTo(FilterReply.DENY);
  }

  @Test
  void everyOtherWarningOfTheSameLoggersStillPrints() {
    // A topic of ours missing is a real problem, alone or beside a benign internal one.
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, "[Consumer clientId=c, groupId=g] The metadata response from "
        + "the cluster reported a recoverable issue with correlation id 7 : {crime.records.v1=UNKNOWN_TOPIC_OR_PARTITION}"))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, "[Consumer clientId=c, groupId=g] The metadata response from "
        + "the cluster reported a recoverable issue with correlation id 7 : {a-repartition=UNKNOWN_TOPIC_OR_PARTITION, "
        + "crime.records.v1=UNKNOWN_TOPIC_OR_PARTITION}")).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, "[AdminClient clientId=adminclient-1] Connection to node -1 "
        + "(/127.0.0.1:1) could not be established. Node may not be available.")).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("org.apache.kafka.streams.StreamsConfig", Level.WARN, "Unknown configuration 'x' was supplied")).isEqualTo(FilterReply.NEUTRAL);
    // The same text from another logger, or at ERROR, is not what was vetted.
    assertThat(decide("uk.patrolcast.features.FeatureService", Level.WARN, "Attempting to close NetworkClient that has already been closed."))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("org.apache.kafka.controller.QuorumController", Level.ERROR, "Performing controller activation. "
        + "The metadata log appears to be empty. x")).isEqualTo(FilterReply.NEUTRAL);
  }
}
