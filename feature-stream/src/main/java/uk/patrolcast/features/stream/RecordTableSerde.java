package uk.patrolcast.features.stream;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.WireFormat;

/**
 * Value serde of the records table, whose changelog is the record topic itself (Streams'
 * source-topic reuse: no second copy of every record is written). It therefore reads two forms: a
 * crime record in the topic's wire format (what the source delivers, and what a store restored from
 * the topic holds), decoding only the four fields a cell needs; and the compact {@link RecordCell}
 * it writes into the store ({@link InternalSerdes#RECORD_CELL}).
 *
 * <p>A record whose bytes cannot be decoded, or that cannot be placed, reads as "no record", the
 * same way live and after a restore: it counts nowhere and retracts the key's earlier version
 * (logged; its month then stays incomplete, visibly, until a readable version arrives).
 */
final class RecordTableSerde implements Serde<RecordCell> {
  private static final Logger log = LoggerFactory.getLogger(RecordTableSerde.class);
  /** The fields read from a CrimeRecord; Avro's schema resolution skips the others without decoding them. */
  private static final Schema CELL_FIELDS = projection(CrimeRecord.getClassSchema(),
      List.of("recordKey", "month", "lsoa21cd", "contentHash"));

  private final SchemaRegistry registry;
  private final Runnable onRead;
  private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();
  /** The reader of the last schema id met: nearly every record of a topic has the same writer schema. */
  private volatile SchemaReader last = new SchemaReader(-1, null);

  private record SchemaReader(int schemaId, GenericDatumReader<GenericRecord> reader) {}

  /** @param onRead called for every record decoded from its wire format (the source's reads) */
  RecordTableSerde(SchemaRegistry registry, Runnable onRead) {
    this.registry = registry;
    this.onRead = onRead;
  }

  RecordTableSerde(SchemaRegistry registry) {
    this(registry, () -> {});
  }

  @Override
  public Serializer<RecordCell> serializer() {
    return InternalSerdes.RECORD_CELL.serializer();
  }

  @Override
  public Deserializer<RecordCell> deserializer() {
    return this::deserialize;
  }

  RecordCell deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length > 0 && bytes[0] == InternalSerdes.RECORD_CELL_FORMAT) {
      return InternalSerdes.RECORD_CELL.deserializer().deserialize(topic, bytes);
    }
    onRead.run();
    if (bytes.length < WireFormat.HEADER_SIZE || bytes[0] != WireFormat.MAGIC_BYTE) {
      log.warn("Unreadable crime record on {} not counted: {} bytes, not in the wire format", topic, bytes.length);
      return null;
    }
    GenericDatumReader<GenericRecord> reader = reader(WireFormat.schemaId(bytes));
    try {
      GenericRecord fields = reader.read(null, decoder(bytes));
      // The key only names the record in a warning; area and month become shared instances (CodeStrings):
      // a few thousand distinct values, each the key of the counts of ~200 records.
      return RecordCell.of((CharSequence) fields.get("recordKey"), shared(fields.get("month")),
          shared(fields.get("lsoa21cd")), (Long) fields.get("contentHash"));
    } catch (IOException | RuntimeException e) {
      log.warn("Unreadable crime record on {} not counted: {}", topic, e.toString());
      return null;
    }
  }

  /**
   * The reader of a writer schema. A schema the registry cannot give is not bad data but a broken
   * deployment: it fails (the source logs and skips the record, a store read stops the stream).
   */
  private GenericDatumReader<GenericRecord> reader(int schemaId) {
    SchemaReader known = last;
    if (known.schemaId() == schemaId) {
      return known.reader();
    }
    try {
      GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(schemaId, id -> new GenericDatumReader<>(registry.schemaById(id), CELL_FIELDS));
      last = new SchemaReader(schemaId, reader);
      return reader;
    } catch (RuntimeException e) {
      throw new SerializationException("Cannot resolve schema id " + schemaId + " of a crime record: " + e.getMessage(), e);
    }
  }

  private static String shared(Object text) {
    if (text instanceof Utf8 u) {
      return CodeStrings.read(u.getBytes(), 0, u.getByteLength());
    }
    return text == null ? null : text.toString();
  }

  private static BinaryDecoder decoder(byte[] bytes) {
    return DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null);
  }

  /** A record schema of the same name holding only {@code names}, for reading just those fields. */
  static Schema projection(Schema schema, List<String> names) {
    List<Schema.Field> fields = names.stream().map(n -> new Schema.Field(schema.getField(n), schema.getField(n).schema())).toList();
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
