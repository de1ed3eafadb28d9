package uk.patrolcast.features.stream;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.schemas.registry.SchemaRegistryException;

/**
 * What the feature stream does with a record it cannot read. A bad record is logged and skipped (its
 * month then stays incomplete, which {@code /watermark} shows) instead of stopping the whole stream.
 * A schema registry that cannot be reached (after the client's own retries) is not a bad record:
 * skipping would lose a count for good, so the stream thread fails without committing and is
 * replaced ({@link #threadResponse}); under exactly-once the replacement reads the record again from
 * the last commit, once the registry answers.
 */
public final class UnreadableRecordHandler implements DeserializationExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(UnreadableRecordHandler.class);

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (SchemaRegistryException.isUnavailable(exception)) {
      log.warn("The schema registry cannot be reached to read {}-{}@{}: the stream thread stops and is replaced, and the record is read again"
          + " (not skipped): {}", record.topic(), record.partition(), record.offset(), exception.getMessage());
      return Response.fail();
    }
    log.warn("Skipping an unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), exception.toString());
    return Response.resume();
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // nothing to configure
  }

  /** A stream thread that died of a registry outage is replaced; anything else stops the application. */
  public static StreamThreadExceptionResponse threadResponse(Throwable e) {
    return SchemaRegistryException.isUnavailable(e) ? StreamThreadExceptionResponse.REPLACE_THREAD
        : StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }
}
