package uk.patrolcast.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaResolution;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

class CrimeRecordWireTest {
  @Test
  void keysAndValuesAreTheSameBytesAsTheSharedSerdeWrites() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    String topic = Topics.CRIME_RECORDS.name();
    AvroSerde<CrimeRecord> values = Topics.CRIME_RECORDS.valueSerde(registry);
    AvroSerde<String> keys = Topics.CRIME_RECORDS.keySerde(registry);
    CrimeRecordWire wire = new CrimeRecordWire(registry);
    List<CrimeRecord> records = List.of(
        new CrimeRecord("metropolitan:2022-05:id:abc", "2022-05", "abc", "Metropolitan Police Service", "Metropolitan Police Service",
            -0.115, 51.505, "On or near Test Street", "E01000001", "E01000001", "City of London 001A", LsoaResolution.LSOA21,
            "Burglary", "Under investigation", "Some context", "police-uk/x.csv.gz", 2L, -1234567890123L),
        new CrimeRecord("api:2024-03:row:0123456789abcdef:0", "2024-03", null, "City of London Police", "City of London Police",
            null, null, "On or near \u00e9t\u00e9 " + "x".repeat(3000), "E01033001", "", "", LsoaResolution.SPLIT_NEAREST_POLYGON,
            "Burglary", null, null, "api", 0L, 42L));
    for (int round = 0; round < 2; round++) {
      for (CrimeRecord r : records) {
        assertThat(wire.value(r)).isEqualTo(values.serialize(topic, r));
        assertThat(wire.key(r.getRecordKey())).isEqualTo(keys.serialize(topic, r.getRecordKey()));
        assertThat(values.deserialize(topic, wire.value(r))).isEqualTo(r);
      }
    }
  }
}
