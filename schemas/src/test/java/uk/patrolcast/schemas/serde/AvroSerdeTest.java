package uk.patrolcast.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.MonthSource;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;

class AvroSerdeTest {
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  private static MonthClosed closed() {
    return MonthClosed.newBuilder()
        .setMonth("2023-06").setRevision(1).setRecordCount(2).setRecordHashSum(-5L).setRejectedCount(1)
        .setChecksum("ab").setLsoaCount(4994).setClosedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setSources(java.util.List.of(MonthSource.newBuilder().setForce("Metropolitan Police Service")
            .setSource("x.csv").setSha256("cd").setRows(3).setAccepted(2).setRejected(1).build()))
        .build();
  }

  @Test
  void roundTripsAndRegistersUnderTopicSubject() {
    AvroSerde<MonthClosed> serde = Topics.MONTH_CLOSED.valueSerde(registry);
    byte[] bytes = serde.serialize(Topics.MONTH_CLOSED.name(), closed());
    assertThat(serde.deserialize(Topics.MONTH_CLOSED.name(), bytes)).isEqualTo(closed());
    assertThat(registry.subjects()).containsExactly("ingest.month-closed.v1-value");
  }

  @Test
  void nullIsATombstoneBothWays() {
    AvroSerde<MonthClosed> serde = Topics.MONTH_CLOSED.valueSerde(registry);
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void readsDataWrittenWithAnOlderSchemaUsingDefaults() throws IOException {
    // An older MonthClosed without lsoaCount, written by some other producer.
    Schema current = MonthClosed.getClassSchema();
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("MonthClosed").namespace("uk.patrolcast.events").fields();
    for (Schema.Field f : current.getFields()) {
      if (!f.name().equals("lsoaCount")) {
        fields = fields.name(f.name()).type(f.schema()).noDefault();
      }
    }
    Schema older = fields.endRecord();
    GenericRecord old = new GenericData.Record(older);
    MonthClosed c = closed();
    for (Schema.Field f : older.getFields()) {
      Object v = c.get(f.name());
      old.put(f.name(), v instanceof Instant i ? i.toEpochMilli() : v);
    }
    old.put("sources", new GenericData.Array<>(older.getField("sources").schema(), java.util.List.of()));
    int id = registry.register("ingest.month-closed.v1-value", older);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(WireFormat.frame(id, new byte[0]));
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(older, GenericData.get()).write(old, encoder);
    encoder.flush();

    MonthClosed read = Topics.MONTH_CLOSED.valueSerde(registry).deserialize(Topics.MONTH_CLOSED.name(), out.toByteArray());
    assertThat(read.getLsoaCount()).isZero(); // the default
    assertThat(read.getRecordCount()).isEqualTo(2);
  }

  @Test
  void unknownSchemaIdIsAClearError() {
    AvroSerde<MonthClosed> serde = Topics.MONTH_CLOSED.valueSerde(registry);
    assertThatThrownBy(() -> serde.deserialize("t", WireFormat.frame(77, new byte[] {0})))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 77");
  }

  @Test
  void withoutAutoRegistrationTheSchemaMustExist() {
    AvroSerde<MonthClosed> strict = AvroSerde.specific(MonthClosed.class, registry, false, false);
    assertThatThrownBy(() -> strict.serialize("t", closed())).hasMessageContaining("t-value");
    registry.register("t-value", MonthClosed.getClassSchema());
    assertThat(strict.serialize("t", closed())).isNotEmpty();
  }

  @Test
  void genericSerdeReadsAnyValueInItsWriterSchema() {
    byte[] bytes = Topics.MONTH_CLOSED.valueSerde(registry).serialize("t", closed());
    GenericRecord r = AvroSerde.generic(registry, false).deserialize("t", bytes);
    assertThat(r.get("month").toString()).isEqualTo("2023-06");
  }
}
