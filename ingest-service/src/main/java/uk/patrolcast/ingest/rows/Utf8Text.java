package uk.patrolcast.ingest.rows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of one line (null when the bytes are not UTF-8), with an ASCII fast path. */
final class Utf8Text {
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  String strict(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        try {
          return decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
          return null;
        }
      }
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** For rejection records: invalid bytes become U+FFFD. */
  static String lenient(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
