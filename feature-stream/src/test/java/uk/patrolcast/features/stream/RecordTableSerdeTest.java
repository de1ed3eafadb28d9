package uk.patrolcast.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;
import uk.patrolcast.schemas.serde.WireFormat;

/** The records table reads what the topic holds (wire format) and what it writes itself (compact). */
class RecordTableSerdeTest {
  private static final String TOPIC = Topics.CRIME_RECORDS.name();
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final AtomicInteger reads = new AtomicInteger();
  private final RecordTableSerde serde = new RecordTableSerde(registry, reads::incrementAndGet);

  private byte[] wire(CrimeRecord r) {
    return Topics.CRIME_RECORDS.valueSerde(registry).serialize(TOPIC, r);
  }

  @Test
  void aRecordOnTheTopicReadsAsItsCell() {
    CrimeRecord r = CrimeRecords.withId("2023-01", "abc", "E01000001");
    assertThat(serde.deserializer().deserialize(TOPIC, wire(r))).isEqualTo(RecordCell.of(r.getRecordKey(), r));
    assertThat(reads).hasValue(1);
  }

  @Test
  void theCompactFormItWritesReadsBackWithoutCountingAsARead() {
    RecordCell cell = new RecordCell("E01000001", "2023-01", -5);
    byte[] bytes = serde.serializer().serialize(TOPIC, cell);
    assertThat(bytes.length).isLessThan(40);
    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(cell);
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    assertThat(reads).hasValue(0);
  }

  @Test
  void aRecordWrittenWithAnotherVersionOfTheSchemaStillReads() throws Exception {
    // A later writer schema with a new field first and the others after it: resolution by name skips it.
    Schema current = CrimeRecord.getClassSchema();
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(new Schema.Field("addedLater", Schema.create(Schema.Type.STRING), "a field this reader does not know", "x"));
    current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    Schema later = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    int id = registry.register(TOPIC + "-value", later);

    CrimeRecord r = CrimeRecords.withId("2023-02", "later", "E01000002");
    GenericRecord g = new GenericData.Record(later);
    current.getFields().forEach(f -> g.put(f.name(), GenericData.get().deepCopy(f.schema(), r.get(f.pos()))));
    g.put("addedLater", "some text the reader skips");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(later).write(g, encoder);
    encoder.flush();

    assertThat(serde.deserializer().deserialize(TOPIC, WireFormat.frame(id, out.toByteArray())))
        .isEqualTo(new RecordCell("E01000002", "2023-02", r.getContentHash()));
  }

  @Test
  void unreadableOrUnplaceableRecordsReadAsNoRecord() {
    CrimeRecord r = CrimeRecords.withId("2023-01", "abc", "E01000001");
    assertThat(serde.deserializer().deserialize(TOPIC, wire(CrimeRecord.newBuilder(r).setMonth("2023-13").build()))).isNull();
    byte[] truncated = wire(r);
    truncated = java.util.Arrays.copyOf(truncated, truncated.length / 2);
    assertThat(serde.deserializer().deserialize(TOPIC, truncated)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, new byte[] {0, 0})).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, new byte[] {7, 1, 2, 3, 4, 5})).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, new byte[0])).isNull();
  }

  @Test
  void aSchemaTheRegistryDoesNotKnowIsAnErrorNotAMissingRecord() {
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 0, 0, 42, 1, 2, 3}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("42");
  }
}
