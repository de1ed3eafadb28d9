package uk.patrolcast.features.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryException;

class UnreadableRecordHandlerTest {
  private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.CRIME_RECORDS.name(), 2, 41L, new byte[] {1}, new byte[] {0, 0, 0, 0, 7});

  @Test
  void aBadRecordIsSkipped() {
    var bad = new SerializationException("not in the wire format");
    assertThat(new UnreadableRecordHandler().handleError(null, record, bad).result()).isEqualTo(Result.RESUME);
    var unknownSchema = new SerializationException("Cannot resolve schema id 7",
        new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema 7 not found."));
    assertThat(new UnreadableRecordHandler().handleError(null, record, unknownSchema).result()).as("a registry that answers 404").isEqualTo(Result.RESUME);
    assertThat(UnreadableRecordHandler.threadResponse(new StreamsException(bad))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void aRegistryThatCannotBeReachedFailsTheThreadWhichIsReplacedNotTheRecordSkipped() {
    var down = new SerializationException("Cannot resolve schema id 7", new SchemaRegistryException("connection refused", null));
    assertThat(new UnreadableRecordHandler().handleError(null, record, down).result()).isEqualTo(Result.FAIL);
    var failing = new SerializationException("Cannot resolve schema id 7", new SchemaRegistryException(503, 50003, "unavailable"));
    assertThat(new UnreadableRecordHandler().handleError(null, record, failing).result()).isEqualTo(Result.FAIL);
    // What the stream thread dies of: the handler's failure wrapped by Streams.
    assertThat(UnreadableRecordHandler.threadResponse(new StreamsException("Deserialization exception handler is set to fail", down)))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void theTopologySettingsInstallIt() {
    var p = FeatureTopology.withTopologySettings(new java.util.Properties());
    assertThat(p.get(org.apache.kafka.streams.StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(UnreadableRecordHandler.class.getName());
  }
}
