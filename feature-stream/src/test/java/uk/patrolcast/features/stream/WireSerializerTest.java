package uk.patrolcast.features.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/** The fast output serialiser writes exactly the bytes of the project's AvroSerde. */
class WireSerializerTest {
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void rowsAreByteIdenticalToTheAvroSerdes() {
    String topic = Topics.FEATURES.name();
    AvroSerde<LsoaMonthFeatures> reference = Topics.FEATURES.valueSerde(registry);
    WireSerializer<LsoaMonthFeatures> fast = WireSerializer.forValue(LsoaMonthFeatures.class, registry);
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      LsoaMonthFeatures row = randomRow(random);
      assertThat(fast.serialize(topic, row)).as("row %d", i).isEqualTo(reference.serialize(topic, row));
    }
    assertThat(fast.serialize(topic, null)).isNull();
  }

  @Test
  void keysAreByteIdenticalToTheAvroSerdes() {
    String topic = Topics.FEATURES.name();
    AvroSerde<String> reference = Topics.FEATURES.keySerde(registry);
    WireSerializer<String> fast = WireSerializer.forKey(registry);
    for (String key : new String[] {"E01000001:2023-01", "", "Ünïcode:2023-01", "x".repeat(3000)}) {
      assertThat(fast.serialize(topic, key)).as(key).isEqualTo(reference.serialize(topic, key));
    }
  }

  /** Every field set from its type, each nullable one null a third of the time. */
  private static LsoaMonthFeatures randomRow(Random random) {
    LsoaMonthFeatures row = new LsoaMonthFeatures();
    for (Schema.Field f : LsoaMonthFeatures.getClassSchema().getFields()) {
      Schema type = f.schema();
      if (type.getType() == Schema.Type.UNION) {
        type = random.nextInt(3) == 0 ? null : type.getTypes().get(1);
      }
      row.put(f.pos(), type == null ? null : switch (type.getType()) {
        case STRING -> "s" + random.nextInt(1_000_000) + (random.nextBoolean() ? "é" : "");
        case INT -> random.nextInt(2000) - 100;
        case DOUBLE -> random.nextBoolean() ? random.nextDouble() * 1000 : (double) random.nextInt(50);
        default -> throw new IllegalStateException("no generator for " + type);
      });
    }
    return row;
  }
}
