package uk.patrolcast.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the
 * Avro binary encoding of the datum.
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Frames an Avro-encoded payload with the schema id. */
  public static byte[] frame(int schemaId, byte[] avroPayload) {
    ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + avroPayload.length);
    out.put(MAGIC_BYTE).putInt(schemaId).put(avroPayload);
    return out.array();
  }

  /** The schema id of a framed message; fails clearly on anything else. */
  public static int schemaId(byte[] message) {
    if (message.length < HEADER_SIZE) {
      throw new SerializationException(
          "Not Confluent wire format: " + message.length + " bytes, fewer than the 5-byte header");
    }
    if (message[0] != MAGIC_BYTE) {
      throw new SerializationException(
          "Not Confluent wire format: unknown magic byte " + message[0] + " (expected 0)");
    }
    return ByteBuffer.wrap(message, 1, 4).getInt();
  }
}
