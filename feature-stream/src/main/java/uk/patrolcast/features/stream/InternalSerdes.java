package uk.patrolcast.features.stream;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.features.model.CellBucket;
import uk.patrolcast.features.model.MonthAxis;
import uk.patrolcast.features.model.MonthState;

/**
 * Compact binary serdes of the feature stream's internal topics and stores (repartition topics,
 * changelogs). They never leave the application, so they skip the registry: each starts with a
 * format byte so that a later version can still read them.
 */
public final class InternalSerdes {
  private static final byte V1 = 1;
  private static final byte V2 = 2;

  private InternalSerdes() {}

  /** First byte of a serialised {@link #RECORD_CELL} (a crime record's wire format starts with 0). */
  static final byte RECORD_CELL_FORMAT = V2;

  /** A record's cell (format 2: area and month apart; format 1 held one cell-key string). */
  public static final Serde<RecordCell> RECORD_CELL = binary(RECORD_CELL_FORMAT,
      v -> 1 + 8 + 2 + CodeStrings.length(v.lsoa()) + 2 + CodeStrings.length(v.month()),
      (v, b) -> {
        b.putLong(v.contentHash());
        putString(b, v.lsoa());
        putString(b, v.month());
      },
      b -> {
        long hash = b.getLong();
        String lsoa = getString(b);
        return new RecordCell(lsoa, getString(b), hash);
      });

  /** The cells of one bucket: count, then per area its code, count and hash sum. */
  public static final Serde<CellBucket> CELL_BUCKET = binary(V1, v -> 1 + bucketSize(v), InternalSerdes::putBucket,
      InternalSerdes::getBucket);

  public static final Serde<MonthState> MONTH_STATE = binary(V1,
      v -> 1 + 4 * 7 + 8 * 3 + 1,
      (v, b) -> b.putInt(MonthAxis.epoch(v.month()))
          .putInt(v.monthRevision()).putInt(v.recordCount()).putLong(v.recordHashSum()).putInt(v.lsoaCount())
          .putInt(v.snapshotRevision()).putLong(v.fingerprint()).putInt(v.rows()).putInt(v.totalCount())
          .putLong(v.readyAtMillis()).put((byte) (v.pending() == null ? -1 : v.pending().ordinal())),
      b -> new MonthState(MonthAxis.fromEpoch(b.getInt()),
          b.getInt(), b.getInt(), b.getLong(), b.getInt(),
          b.getInt(), b.getLong(), b.getInt(), b.getInt(),
          b.getLong(), cause(b.get())));

  private static final byte CELLS = 1;
  private static final byte CLOSURE = 2;
  private static final byte PROFILE = 3;
  private static final byte RISK = 4;
  private static final byte PARTS_HELD = 5;

  /** Format 2: cells come as whole buckets (format 1 carried one cell). */
  public static final Serde<BuilderInput> BUILDER_INPUT = binary(V2,
      v -> 2 + (v instanceof BuilderInput.Cells c ? bucketSize(c.bucket())
          : v instanceof BuilderInput.PartsHeld h ? keysSize(h) : 4 + length(payload(v))),
      (v, b) -> {
        if (v instanceof BuilderInput.Cells c) {
          putBucket(c.bucket(), b.put(CELLS));
          return;
        }
        if (v instanceof BuilderInput.PartsHeld h) {
          b.put(PARTS_HELD).putInt(h.partition()).putInt(h.keys().size());
          h.keys().forEach(k -> putString(b, k));
          return;
        }
        b.put(v instanceof BuilderInput.Closure ? CLOSURE : v instanceof BuilderInput.Profile ? PROFILE : RISK);
        byte[] payload = payload(v);
        b.putInt(payload == null ? -1 : payload.length);
        if (payload != null) {
          b.put(payload);
        }
      },
      b -> {
        byte kind = b.get();
        if (kind == CELLS) {
          return new BuilderInput.Cells(getBucket(b));
        }
        if (kind == PARTS_HELD) {
          int partition = b.getInt();
          String[] keys = new String[b.getInt()];
          for (int i = 0; i < keys.length; i++) {
            keys[i] = getString(b);
          }
          return new BuilderInput.PartsHeld(partition, List.of(keys));
        }
        int length = b.getInt();
        byte[] payload = length < 0 ? null : new byte[length];
        if (payload != null) {
          b.get(payload);
        }
        return switch (kind) {
          case CLOSURE -> new BuilderInput.Closure(payload);
          case PROFILE -> new BuilderInput.Profile(payload);
          case RISK -> new BuilderInput.Risk(payload);
          default -> throw new SerializationException("Unknown builder input kind " + kind);
        };
      });

  private static byte[] payload(BuilderInput v) {
    if (v instanceof BuilderInput.Closure c) {
      return c.bytes();
    }
    if (v instanceof BuilderInput.Profile p) {
      return p.bytes();
    }
    if (v instanceof BuilderInput.Risk r) {
      return r.bytes();
    }
    return null;
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static SnapshotCause cause(byte ordinal) {
    return ordinal < 0 ? null : SnapshotCause.values()[ordinal];
  }

  private static int keysSize(BuilderInput.PartsHeld held) {
    int size = 8;
    for (String k : held.keys()) {
      size += 2 + CodeStrings.length(k);
    }
    return size;
  }

  private static int bucketSize(CellBucket bucket) {
    int size = 4;
    for (int i = 0; i < bucket.size(); i++) {
      size += 2 + CodeStrings.length(bucket.area(i)) + 4 + 8;
    }
    return size;
  }

  private static void putBucket(CellBucket bucket, ByteBuffer b) {
    b.putInt(bucket.size());
    for (int i = 0; i < bucket.size(); i++) {
      putString(b, bucket.area(i));
      b.putInt(bucket.count(i)).putLong(bucket.hashSum(i));
    }
  }

  private static CellBucket getBucket(ByteBuffer b) {
    int n = b.getInt();
    String[] areas = new String[n];
    int[] counts = new int[n];
    long[] hashSums = new long[n];
    for (int i = 0; i < n; i++) {
      areas[i] = getString(b);
      counts[i] = b.getInt();
      hashSums[i] = b.getLong();
    }
    return CellBucket.of(areas, counts, hashSums);
  }

  /** A length-prefixed UTF-8 string; the length is what the write took (one pass over the characters). */
  private static void putString(ByteBuffer b, String s) {
    int start = b.position();
    int end = CodeStrings.write(s, b.array(), b.arrayOffset() + start + 2) - b.arrayOffset();
    b.putShort(start, (short) (end - start - 2)).position(end);
  }

  private static String getString(ByteBuffer b) {
    int length = Short.toUnsignedInt(b.getShort());
    String s = CodeStrings.read(b.array(), b.arrayOffset() + b.position(), length);
    b.position(b.position() + length);
    return s;
  }

  /** A serde writing its format byte then the value's fields; null stays null (a tombstone). */
  private static <T> Serde<T> binary(byte format, ToIntFunction<T> size, BiConsumer<T, ByteBuffer> write,
      Function<ByteBuffer, T> read) {
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          ByteBuffer b = ByteBuffer.allocate(size.applyAsInt(value));
          b.put(format);
          write.accept(value, b);
          return b.array();
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          ByteBuffer b = ByteBuffer.wrap(bytes);
          byte version = b.get();
          if (version != format) {
            throw new SerializationException("Unknown internal format version " + version + " on " + topic);
          }
          try {
            return read.apply(b);
          } catch (RuntimeException e) {
            throw new SerializationException("Cannot read an internal record on " + topic + ": " + e, e);
          }
        });
  }
}
