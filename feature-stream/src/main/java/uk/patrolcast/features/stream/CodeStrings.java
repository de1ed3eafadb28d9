package uk.patrolcast.features.stream;

import java.nio.charset.StandardCharsets;

/**
 * The strings of the internal formats (area codes, months: a few thousand distinct values, ASCII),
 * written and read without a byte array per string, and read back as one shared instance per value.
 * A count bucket is decoded and encoded on every record counted, and each of its few dozen area
 * codes would otherwise be a new String whose hash the builder's maps compute again: a shared one
 * carries its hash, and equal codes are the same object. One table per thread (no locking); a table
 * stops adding at {@link #MAX_SIZE} entries, after which new values are simply decoded.
 */
final class CodeStrings {
  static final int MAX_SIZE = 1 << 17;
  private static final ThreadLocal<CodeStrings> PER_THREAD = ThreadLocal.withInitial(CodeStrings::new);

  private String[] slots = new String[1 << 13];
  private int size;

  /** Number of bytes {@link #write} uses (its UTF-8 length). */
  static int length(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return s.length();
  }

  /** Writes {@code s} as UTF-8 at {@code at}; returns the position after it. */
  static int write(String s, byte[] into, int at) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, into, at, utf8.length);
        return at + utf8.length;
      }
      into[at + i] = (byte) c;
    }
    return at + n;
  }

  /** The string of {@code length} UTF-8 bytes at {@code offset}: a shared instance when ASCII. */
  static String read(byte[] bytes, int offset, int length) {
    return PER_THREAD.get().lookup(bytes, offset, length);
  }

  String lookup(byte[] bytes, int offset, int length) {
    // String.hashCode of an ASCII string, computed from its bytes: compared before any character.
    int hash = 0;
    for (int i = 0; i < length; i++) {
      byte b = bytes[offset + i];
      if (b < 0) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
      }
      hash = 31 * hash + b;
    }
    int mask = slots.length - 1;
    int i = slot(hash, mask);
    for (String s = slots[i]; s != null; s = slots[i = (i + 1) & mask]) {
      if (s.hashCode() == hash && same(s, bytes, offset, length)) {
        return s;
      }
    }
    String s = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    if (size < MAX_SIZE) {
      slots[i] = s;
      if (++size * 2 > slots.length) {
        grow();
      }
    }
    return s;
  }

  int size() {
    return size;
  }

  /** The first slot to probe for a hash: Fibonacci-spread, as sequential codes differ only in low bits. */
  private static int slot(int hash, int mask) {
    return (hash * 0x9E3779B9) >>> 7 & mask;
  }

  private static boolean same(String s, byte[] bytes, int offset, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != bytes[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    String[] old = slots;
    slots = new String[old.length * 2];
    int mask = slots.length - 1;
    for (String s : old) {
      if (s != null) {
        int i = slot(s.hashCode(), mask);
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }
}
