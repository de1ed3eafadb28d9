package uk.patrolcast.ingest.rows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identities and hashes the CrimeRecord schema defines: record keys
 * ({@code <slug>:<YYYY-MM>:id:<Crime ID>} or {@code <slug>:<YYYY-MM>:row:<16 hex of the line's SHA-256>:<occurrence>}),
 * and {@code contentHash}, the first 8 bytes (big-endian) of SHA-256 over {@code recordKey|month|lsoa21cd}
 * in UTF-8. One instance per thread (it keeps a digest).
 */
public final class RecordHashes {
  private static final HexFormat HEX = HexFormat.of();
  private final MessageDigest sha256 = sha256();

  public static String idKey(String slug, String month, String crimeId) {
    return slug + ":" + month + ":id:" + crimeId;
  }

  public String rowKey(String slug, String month, byte[] rawLine, int occurrence) {
    return slug + ":" + month + ":row:" + rowDigest(rawLine) + ":" + occurrence;
  }

  /** First 16 hex digits of the SHA-256 of a raw line. */
  public String rowDigest(byte[] rawLine) {
    sha256.reset();
    return HEX.formatHex(sha256.digest(rawLine), 0, 8);
  }

  public long contentHash(String recordKey, String month, String lsoa21cd) {
    sha256.reset();
    byte[] d = sha256.digest((recordKey + "|" + month + "|" + lsoa21cd).getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(d, 0, 8).getLong();
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
