package uk.patrolcast.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaResolution;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * The hand-written crime record encoder must write exactly the bytes of the shared AvroSerde (the
 * Confluent wire format with the same registered schema ids), for every kind of value a field can
 * hold: nulls in every optional field, empty, ASCII, Latin-1, other BMP, supplementary and unpaired
 * surrogate characters, signed zeros, infinities and NaN, extreme longs, every resolution; and it must
 * not keep a previous source's encoding of a field that stays the same within a source.
 */
class CrimeRecordEncoderTest {
  static final String[] ALPHABET = {"a", "Z", "0", " ", ",", "\"", "é", "ß", "Ł", "€", "\u00a0", "😀", "\ud800", "\udfff", "\u0000", "\n"};

  final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  final AvroSerde<String> keySerde = Topics.CRIME_RECORDS.keySerde(registry);
  final AvroSerde<CrimeRecord> valueSerde = Topics.CRIME_RECORDS.valueSerde(registry);

  @Test
  void writesTheBytesOfTheSharedSerdeForTwentyThousandVariedRecords() {
    // Registered first under another subject, so that the encoder's ids are not simply 1 and 2.
    registry.register("other-value", SchemaBuilder.record("Other").fields().requiredInt("a").endRecord());
    registry.register("other-key", Schema.create(Schema.Type.LONG));
    CrimeRecordEncoder encoder = new CrimeRecordEncoder(registry);
    Random random = new Random(20240301);
    String topic = Topics.CRIME_RECORDS.name();
    for (CrimeRecord r : records(random, 20_000)) {
      assertThat(encoder.key(r.getRecordKey())).as("key of %s", r).isEqualTo(keySerde.serialize(topic, r.getRecordKey()));
      byte[] value = encoder.value(r);
      assertThat(value).as("value of %s", r).isEqualTo(valueSerde.serialize(topic, r));
      // Readable back (unpaired surrogates come back as '?', as Avro writes them, hence no equality of records).
      assertThat(valueSerde.serialize(topic, valueSerde.deserialize(topic, value))).isEqualTo(value);
    }
  }

  @Test
  void aConstantFieldIsEncodedAgainWhenItsValueChangesEvenInPlace() {
    CrimeRecordEncoder encoder = new CrimeRecordEncoder(registry);
    String topic = Topics.CRIME_RECORDS.name();
    CrimeRecord first = record("k1", "2022-05", "Metropolitan Police Service", "f1.csv");
    CrimeRecord sameContentOtherInstance = record("k2", new String("2022-05"), new String("Metropolitan Police Service"), "f1.csv");
    CrimeRecord otherContent = record("k3", "2022-06", "City of London Police", "f2.csv");
    for (CrimeRecord r : List.of(first, sameContentOtherInstance, otherContent, first)) {
      assertThat(encoder.value(r)).isEqualTo(valueSerde.serialize(topic, r));
    }
  }

  @Test
  void aSchemaWhoseLayoutChangedIsRefused() {
    Schema changed = SchemaBuilder.record("CrimeRecord").fields().requiredString("recordKey").requiredString("month")
        .optionalString("crimeId").requiredString("extra").endRecord();
    assertThatThrownBy(() -> CrimeRecordEncoder.check(changed)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("extra:string");
    CrimeRecordEncoder.check(CrimeRecord.getClassSchema());
  }

  static CrimeRecord record(String key, String month, String force, String file) {
    return new CrimeRecord(key, month, null, force, force, -0.1, 51.5, "On or near X", "E01000001", "E01000001", "City 001A",
        LsoaResolution.LSOA21, "Burglary", null, null, file, 2L, 7L);
  }

  static List<CrimeRecord> records(Random random, int n) {
    List<CrimeRecord> out = new ArrayList<>();
    // Fields that stay the same through a source are repeated as the same instance for a while.
    String month = text(random);
    String force = text(random);
    String file = text(random);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(50) == 0) {
        month = text(random);
        force = text(random);
        file = text(random);
      }
      LsoaResolution[] resolutions = LsoaResolution.values();
      out.add(new CrimeRecord(text(random), month, maybe(random), force, random.nextBoolean() ? force : text(random),
          coordinate(random), coordinate(random), text(random), text(random), text(random), text(random),
          resolutions[random.nextInt(resolutions.length)], random.nextBoolean() ? "Burglary" : text(random), maybe(random), maybe(random),
          file, number(random), number(random)));
    }
    return out;
  }

  static String text(Random random) {
    int length = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(120);
    boolean ascii = random.nextBoolean();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(ascii ? ALPHABET[random.nextInt(5)] : ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  static String maybe(Random random) {
    return random.nextInt(3) == 0 ? null : text(random);
  }

  static Double coordinate(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> -0.0;
      case 2 -> Double.NaN;
      case 3 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.MIN_VALUE;
      default -> (random.nextDouble() - 0.5) * 360;
    };
  }

  static long number(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
      case 1 -> random.nextInt(300) - 150;
      default -> random.nextLong();
    };
  }
}
