package uk.patrolcast.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;

/** The bytes on the wire are exactly Confluent's: magic 0, big-endian schema id, Avro binary. */
class WireFormatTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void framesPayloadWithMagicByteAndBigEndianId() {
    byte[] framed = WireFormat.frame(0x01020304, new byte[] {(byte) 0xAB, (byte) 0xCD});
    assertThat(HEX.formatHex(framed)).isEqualTo("0001020304abcd");
    assertThat(WireFormat.schemaId(framed)).isEqualTo(0x01020304);
  }

  @Test
  void stringKeyHasKnownBytes() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    byte[] bytes = AvroSerde.forKey(registry).serialize("t", "abc");
    // id 1 (first schema registered), then Avro string: zig-zag length 3 -> 0x06, then UTF-8.
    assertThat(HEX.formatHex(bytes)).isEqualTo("0000000001" + "06" + "616263");
  }

  @Test
  void recordHasKnownBytes() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    registry.register("other-value", org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT)); // id 1
    SnapshotReady ready = SnapshotReady.newBuilder()
        .setMonth("2024-02")
        .setRevision(1)
        .setLsoaCount(4994)
        .setTotalCount(4)
        .setMonthRevision(2)
        .setCause(SnapshotCause.CORRECTED)
        .setReadyAt(Instant.ofEpochMilli(1))
        .build();
    byte[] bytes = Topics.SNAPSHOT_READY.valueSerde(registry).serialize(Topics.SNAPSHOT_READY.name(), ready);
    String expected = "00" + "00000002"      // magic, schema id 2
        + "0e" + HEX.formatHex("2024-02".getBytes())  // string: zig-zag 7 = 0x0e
        + "02"                                // revision 1
        + "844e"                              // lsoaCount 4994: zig-zag 9988 as varint
        + "08"                                // totalCount 4
        + "04"                                // monthRevision 2
        + "02"                                // enum index 1 (CORRECTED)
        + "02";                               // readyAt 1 ms
    assertThat(HEX.formatHex(bytes)).isEqualTo(expected);
    assertThat(Topics.SNAPSHOT_READY.valueSerde(registry).deserialize(Topics.SNAPSHOT_READY.name(), bytes)).isEqualTo(ready);
  }

  @Test
  void refusesBytesThatAreNotWireFormat() {
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {1, 0, 0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown magic byte 1");
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("fewer than the 5-byte header");
  }
}
