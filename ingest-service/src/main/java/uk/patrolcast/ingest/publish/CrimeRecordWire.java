package uk.patrolcast.ingest.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.WireFormat;

/**
 * The bulk path for {@code crime.records.v1}: keys and values in the same Confluent wire format and
 * under the same registered schemas as {@code AvroSerde} (byte for byte, see its test), but through a
 * buffered encoder and one reused, unsynchronised buffer, since serialisation is the largest CPU item
 * of bulk ingest. Not thread-safe: one instance per thread.
 */
final class CrimeRecordWire {
  private static final Schema STRING = Schema.create(Schema.Type.STRING);

  private final int keySchemaId;
  private final int valueSchemaId;
  private final SpecificDatumWriter<CrimeRecord> writer = new SpecificDatumWriter<>(CrimeRecord.getClassSchema());
  private final Buffer buffer = new Buffer();
  private BinaryEncoder encoder;

  CrimeRecordWire(SchemaRegistry registry) {
    String topic = Topics.CRIME_RECORDS.name();
    keySchemaId = registry.register(topic + "-key", STRING);
    valueSchemaId = registry.register(topic + "-value", CrimeRecord.getClassSchema());
  }

  byte[] key(String key) {
    try {
      header(keySchemaId);
      encoder.writeString(key);
      encoder.flush();
      return buffer.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] value(CrimeRecord record) {
    try {
      header(valueSchemaId);
      writer.write(record, encoder);
      encoder.flush();
      return buffer.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise record " + record.getRecordKey() + ": " + e.getMessage(), e);
    }
  }

  private void header(int schemaId) {
    buffer.reset();
    buffer.write(WireFormat.MAGIC_BYTE);
    buffer.write(schemaId >>> 24);
    buffer.write(schemaId >>> 16);
    buffer.write(schemaId >>> 8);
    buffer.write(schemaId);
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
  }

  /** A ByteArrayOutputStream without its per-call locking. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(1024);
    }

    @Override
    public void write(int b) {
      if (count == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (count + len > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
      }
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    @Override
    public void reset() {
      count = 0;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, count);
    }
  }
}
