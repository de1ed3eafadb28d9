package uk.patrolcast.ingest.rows;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
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
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private final MessageDigest sha256 = sha256();
  private final byte[] digest = new byte[32];
  private byte[] text = new byte[256];

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
    int n = ascii(recordKey, 0);
    n = n < 0 ? -1 : ascii("|", n);
    n = n < 0 ? -1 : ascii(month, n);
    n = n < 0 ? -1 : ascii("|", n);
    n = n < 0 ? -1 : ascii(lsoa21cd, n);
    if (n >= 0) {
      sha256.update(text, 0, n);
    } else {
      sha256.update((recordKey + "|" + month + "|" + lsoa21cd).getBytes(StandardCharsets.UTF_8));
    }
    try {
      sha256.digest(digest, 0, digest.length);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    return (long) LONG.get(digest, 0);
  }

  /** Appends an ASCII string to {@link #text} at {@code at} (its UTF-8 bytes); -1 when it holds another character. */
  private int ascii(String s, int at) {
    int n = s.length();
    if (at + n > text.length) {
      text = java.util.Arrays.copyOf(text, Math.max(2 * text.length, at + n));
    }
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch >= 0x80) {
        return -1;
      }
      text[at + i] = (byte) ch;
    }
    return at + n;
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
