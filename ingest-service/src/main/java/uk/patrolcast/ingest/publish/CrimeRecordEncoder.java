package uk.patrolcast.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;
import uk.patrolcast.schemas.serde.WireFormat;

/**
 * The one writer of {@code crime.records.v1} keys and values: the Confluent wire format, byte for
 * byte what the shared {@link AvroSerde} writes (schema ids registered the same way, on first use;
 * strings as UTF-8 exactly as Avro's encoder converts them), several times faster because it knows
 * the record: no reflection over the schema, one buffer, and the strings that stay the same through
 * a source (month, force, reportedBy, crime type, source file) encoded once while they stay the same
 * instance. The field layout is checked against {@link CrimeRecord}'s schema at construction, so a
 * schema change cannot go out in the old layout. Not thread-safe: one per thread.
 */
public final class CrimeRecordEncoder {
  /** The fields as this encoder writes them; {@link #layout(Schema)} of the schema must equal it. */
  static final List<String> LAYOUT = List.of(
      "recordKey:string", "month:string", "crimeId:[null,string]", "force:string", "reportedBy:string",
      "longitude:[null,double]", "latitude:[null,double]", "location:string", "lsoa21cd:string", "sourceLsoaCode:string",
      "sourceLsoaName:string", "lsoaResolution:enum", "crimeType:string", "lastOutcome:[null,string]", "context:[null,string]",
      "sourceFile:string", "sourceLine:long", "contentHash:long");

  private final SchemaRegistry registry;
  private final AvroSerde<String> keySerde;
  private final AvroSerde<CrimeRecord> valueSerde;
  private int keySchemaId = -1;
  private int valueSchemaId = -1;
  private byte[] buf = new byte[1024];
  private int pos;
  private final Constant month = new Constant();
  private final Constant force = new Constant();
  private final Constant reportedBy = new Constant();
  private final Constant crimeType = new Constant();
  private final Constant sourceFile = new Constant();

  public CrimeRecordEncoder(SchemaRegistry registry) {
    check(CrimeRecord.getClassSchema());
    this.registry = registry;
    this.keySerde = Topics.CRIME_RECORDS.keySerde(registry);
    this.valueSerde = Topics.CRIME_RECORDS.valueSerde(registry);
  }

  /** The key of a record (or of its tombstone) in the wire format. */
  public byte[] key(String recordKey) {
    if (keySchemaId < 0) {
      keySchemaId = schemaId(keySerde);
    }
    pos = 0;
    header(keySchemaId);
    string(recordKey);
    return Arrays.copyOf(buf, pos);
  }

  /** A record in the wire format. */
  public byte[] value(CrimeRecord r) {
    if (valueSchemaId < 0) {
      valueSchemaId = schemaId(valueSerde);
    }
    pos = 0;
    header(valueSchemaId);
    string(r.getRecordKey());
    month.write(this, r.getMonth());
    optionalString(r.getCrimeId());
    force.write(this, r.getForce());
    reportedBy.write(this, r.getReportedBy());
    optionalDouble(r.getLongitude());
    optionalDouble(r.getLatitude());
    string(r.getLocation());
    string(r.getLsoa21cd());
    string(r.getSourceLsoaCode());
    string(r.getSourceLsoaName());
    varint(r.getLsoaResolution().ordinal());
    crimeType.write(this, r.getCrimeType());
    optionalString(r.getLastOutcome());
    optionalString(r.getContext());
    sourceFile.write(this, r.getSourceFile());
    varint(r.getSourceLine());
    varint(r.getContentHash());
    return Arrays.copyOf(buf, pos);
  }

  /** Keys and values of records, in order. */
  public List<SourcePublisher.Encoded> encode(List<CrimeRecord> records) {
    List<SourcePublisher.Encoded> out = new ArrayList<>(records.size());
    for (CrimeRecord r : records) {
      out.add(new SourcePublisher.Encoded(key(r.getRecordKey()), value(r)));
    }
    return out;
  }

  /** Registers (or finds) the schema under the topic's subject exactly as the serde would on its first write. */
  private int schemaId(AvroSerde<?> serde) {
    return registry.register(serde.subject(Topics.CRIME_RECORDS.name()), serde.schema());
  }

  private void header(int schemaId) {
    buf[pos++] = WireFormat.MAGIC_BYTE;
    buf[pos++] = (byte) (schemaId >>> 24);
    buf[pos++] = (byte) (schemaId >>> 16);
    buf[pos++] = (byte) (schemaId >>> 8);
    buf[pos++] = (byte) schemaId;
  }

  private void optionalString(String s) {
    if (s == null) {
      varint(0);
    } else {
      varint(1);
      string(s);
    }
  }

  private void optionalDouble(Double d) {
    if (d == null) {
      varint(0);
      return;
    }
    varint(1);
    ensure(8);
    long bits = Double.doubleToRawLongBits(d);
    for (int i = 0; i < 8; i++) {
      buf[pos++] = (byte) (bits >>> (8 * i));
    }
  }

  /** Avro's string: the UTF-8 length as a varint, then the bytes (Avro converts with String.getBytes(UTF_8) too). */
  private void string(String s) {
    bytes(utf8(s));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void bytes(byte[] b) {
    varint(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  /** Avro's int and long: zig-zag, then 7 bits a byte, low first. */
  private void varint(long v) {
    ensure(10);
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[pos++] = (byte) z;
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }

  /** A string field that keeps its value through a source: its encoding is kept while the instance stays the same. */
  private static final class Constant {
    private String last;
    private byte[] utf8;

    void write(CrimeRecordEncoder e, String s) {
      if (s != last) {
        utf8 = utf8(s);
        last = s;
      }
      e.bytes(utf8);
    }
  }

  /** Fails when a CrimeRecord schema does not have the layout this encoder writes. */
  static void check(Schema schema) {
    List<String> layout = layout(schema);
    if (!layout.equals(LAYOUT)) {
      throw new IllegalStateException("CrimeRecord's schema no longer has the layout CrimeRecordEncoder writes by hand: " + layout
          + " instead of " + LAYOUT + "; update the encoder with the schema");
    }
  }

  /** The fields of a record schema as {@code name:type}, unions as {@code [a,b]}. */
  static List<String> layout(Schema record) {
    List<String> out = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      out.add(f.name() + ":" + type(f.schema()));
    }
    return out;
  }

  private static String type(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      List<String> branches = new ArrayList<>();
      s.getTypes().forEach(t -> branches.add(type(t)));
      return branches.toString().replace(" ", "");
    }
    return s.getType().getName();
  }
}
