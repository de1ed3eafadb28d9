package uk.patrolcast.features.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.io.Encoder;
import org.apache.avro.util.Utf8;
import uk.patrolcast.events.LsoaMonthFeatures;

/**
 * A 64-bit fingerprint of a month's feature rows, to tell whether a recomputed month differs from
 * what was published. It covers every field of every row in order except {@code snapshotRevision}
 * (which a re-emission changes by design) and {@code logRiskScore} (a new risk score must not make
 * old months look changed and re-trigger their forecasts). New schema fields are covered
 * automatically: a row is hashed by walking its own Avro encoding (the generated class's encoder,
 * every value as written, a null apart from any number by its union branch) into a hash instead
 * of bytes, with no value boxed on the way (this runs for every row the builder computes).
 */
public final class RowFingerprint {
  private final Hashing hashing = new Hashing();
  private int rows;

  public void add(LsoaMonthFeatures row) {
    Double risk = row.getLogRiskScore();
    int revision = row.getSnapshotRevision();
    // The two fields the fingerprint must not see are hashed at fixed values, then put back.
    row.setLogRiskScore(null);
    row.setSnapshotRevision(0);
    try {
      row.customEncode(hashing);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the hashing encoder does no I/O
    } finally {
      row.setLogRiskScore(risk);
      row.setSnapshotRevision(revision);
    }
    hashing.hash = mix(hashing.hash + rows);
    rows++;
  }

  public long value() {
    return mix(hashing.hash ^ rows);
  }

  public static long of(List<LsoaMonthFeatures> rows) {
    RowFingerprint f = new RowFingerprint();
    rows.forEach(f::add);
    return f.value();
  }

  /** The splitmix64 finaliser: every input bit affects every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** An Avro encoder that folds every value written into a running hash instead of writing it. */
  private static final class Hashing extends Encoder {
    long hash = 0x243f6a8885a308d3L;

    private void fold(long v) {
      hash = mix(hash ^ v);
    }

    private void foldChars(CharSequence s) {
      long h = 0xcbf29ce484222325L; // FNV-1a over the characters, then one fold
      for (int i = 0; i < s.length(); i++) {
        h ^= s.charAt(i);
        h *= 0x100000001b3L;
      }
      fold(h ^ s.length());
    }

    private void foldBytes(byte[] b, int start, int len) {
      long h = 0xcbf29ce484222325L;
      for (int i = start; i < start + len; i++) {
        h ^= b[i];
        h *= 0x100000001b3L;
      }
      fold(h ^ len);
    }

    @Override
    public void writeNull() {
      fold(0x6a09e667f3bcc909L);
    }

    @Override
    public void writeBoolean(boolean b) {
      fold(b ? 1 : 0);
    }

    @Override
    public void writeInt(int n) {
      fold(n);
    }

    @Override
    public void writeLong(long n) {
      fold(n * 17 + 3);
    }

    @Override
    public void writeFloat(float f) {
      fold(Float.floatToIntBits(f));
    }

    @Override
    public void writeDouble(double d) {
      fold(Double.doubleToLongBits(d) * 31 + 7);
    }

    @Override
    public void writeString(Utf8 utf8) {
      foldChars(utf8.toString());
    }

    @Override
    public void writeString(String str) {
      foldChars(str);
    }

    @Override
    public void writeString(CharSequence charSequence) {
      foldChars(charSequence);
    }

    @Override
    public void writeBytes(ByteBuffer bytes) {
      ByteBuffer b = bytes.duplicate();
      byte[] copy = new byte[b.remaining()];
      b.get(copy);
      foldBytes(copy, 0, copy.length);
    }

    @Override
    public void writeBytes(byte[] bytes, int start, int len) {
      foldBytes(bytes, start, len);
    }

    @Override
    public void writeFixed(byte[] bytes, int start, int len) {
      foldBytes(bytes, start, len);
    }

    @Override
    public void writeEnum(int e) {
      fold(e);
    }

    @Override
    public void writeArrayStart() {
      fold(0x5be0cd19137e2179L);
    }

    @Override
    public void setItemCount(long itemCount) {
      fold(itemCount);
    }

    @Override
    public void startItem() {
      // the item's values follow
    }

    @Override
    public void writeArrayEnd() {
      fold(0x1f83d9abfb41bd6bL);
    }

    @Override
    public void writeMapStart() {
      fold(0x9b05688c2b3e6c1fL);
    }

    @Override
    public void writeMapEnd() {
      fold(0x510e527fade682d1L);
    }

    @Override
    public void writeIndex(int unionIndex) {
      fold(0x3c6ef372fe94f82bL + unionIndex);
    }

    @Override
    public void flush() {
      // nothing buffered
    }
  }
}
