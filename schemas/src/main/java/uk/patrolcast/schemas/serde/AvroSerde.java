package uk.patrolcast.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.registry.SchemaRegistryException;

/**
 * Avro serde in the Confluent wire format with the topic-name subject strategy
 * ({@code <topic>-key} / {@code <topic>-value}). The writer registers its schema once per topic
 * (or only looks it up when auto-registration is off); the reader resolves each writer schema id
 * once and reads into the reader's type, so a consumer built with a newer schema reads older data.
 * Null is a tombstone both ways.
 *
 * @param <T> a generated Avro class, {@link String} for keys, or {@link GenericRecord}
 */
public final class AvroSerde<T> implements Serde<T> {
  private static final Schema STRING_SCHEMA = Schema.create(Schema.Type.STRING);

  private final SchemaRegistry registry;
  private final boolean isKey;
  private final boolean autoRegister;
  private final Schema writerSchema;
  private final DatumWriter<Object> writer;
  private final Function<Schema, DatumReader<Object>> readerFactory;
  private final Function<Object, T> convert;
  private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
  private final Map<Integer, DatumReader<Object>> readersById = new ConcurrentHashMap<>();

  private AvroSerde(
      SchemaRegistry registry,
      boolean isKey,
      boolean autoRegister,
      Schema writerSchema,
      DatumWriter<Object> writer,
      Function<Schema, DatumReader<Object>> readerFactory,
      Function<Object, T> convert) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.isKey = isKey;
    this.autoRegister = autoRegister;
    this.writerSchema = writerSchema;
    this.writer = writer;
    this.readerFactory = readerFactory;
    this.convert = convert;
  }

  /** Values of a generated Avro class, registering the schema on first use. */
  public static <T extends SpecificRecord> AvroSerde<T> forValue(Class<T> type, SchemaRegistry registry) {
    return specific(type, registry, false, true);
  }

  /**
   * Generated Avro class as value or key.
   *
   * @param autoRegister register the schema on first write; when false the schema must already be
   *     registered (a production setting where only CI registers schemas)
   */
  public static <T extends SpecificRecord> AvroSerde<T> specific(
      Class<T> type, SchemaRegistry registry, boolean isKey, boolean autoRegister) {
    SpecificData model = SpecificData.getForClass(type);
    Schema schema = model.getSchema(type);
    @SuppressWarnings("unchecked")
    DatumWriter<Object> writer = (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema, model);
    return new AvroSerde<>(
        registry,
        isKey,
        autoRegister,
        schema,
        writer,
        written -> new SpecificDatumReader<>(written, schema, model),
        type::cast);
  }

  /** Keys: Avro {@code "string"} under {@code <topic>-key}, as Confluent's serializer writes a String key. */
  public static AvroSerde<String> forKey(SchemaRegistry registry) {
    return new AvroSerde<>(
        registry,
        true,
        true,
        STRING_SCHEMA,
        new GenericDatumWriter<>(STRING_SCHEMA, GenericData.get()),
        written -> new GenericDatumReader<>(written, STRING_SCHEMA, GenericData.get()),
        Object::toString);
  }

  /**
   * Reads any value as a {@link GenericRecord} in its writer's schema (for tools that show every topic,
   * like the console). It cannot write.
   */
  public static AvroSerde<GenericRecord> generic(SchemaRegistry registry, boolean isKey) {
    return new AvroSerde<>(
        registry,
        isKey,
        false,
        null,
        null,
        written -> new GenericDatumReader<>(written, written, GenericData.get()),
        o -> (GenericRecord) o);
  }

  /** The schema this serde writes (null for a read-only generic serde). */
  public Schema schema() {
    return writerSchema;
  }

  /** The subject a topic's data is registered under by this serde. */
  public String subject(String topic) {
    return topic + (isKey ? "-key" : "-value");
  }

  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (writer == null) {
      throw new SerializationException("This serde only reads (generic records)");
    }
    int id = idsByTopic.computeIfAbsent(topic, this::schemaIdFor);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.write(WireFormat.MAGIC_BYTE);
      out.write(id >>> 24);
      out.write(id >>> 16);
      out.write(id >>> 8);
      out.write(id);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer.write(data, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot write " + describe(data) + " to topic " + topic + ": " + e.getMessage(), e);
    }
  }

  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    int id = WireFormat.schemaId(bytes);
    DatumReader<Object> reader;
    try {
      reader = readersById.computeIfAbsent(id, i -> readerFactory.apply(registry.schemaById(i)));
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Cannot resolve schema id " + id + " of a record on topic " + topic + ": " + e.getMessage(), e);
    }
    try {
      BinaryDecoder decoder =
          DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null);
      return convert.apply(reader.read(null, decoder));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot read a record of schema id " + id + " on topic " + topic + ": " + e.getMessage(), e);
    }
  }

  private int schemaIdFor(String topic) {
    String subject = subject(topic);
    return autoRegister ? registry.register(subject, writerSchema) : registry.lookup(subject, writerSchema).id();
  }

  private static String describe(Object data) {
    return data instanceof GenericRecord r ? r.getSchema().getFullName() : data.getClass().getSimpleName();
  }

  @Override
  public Serializer<T> serializer() {
    return this::serialize;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this::deserialize;
  }
}
