package uk.patrolcast.features.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.features.model.CellCount;
import uk.patrolcast.features.model.MonthAxis;
import uk.patrolcast.features.model.MonthState;

/**
 * Compact binary serdes of the feature stream's internal topics and stores (repartition topics,
 * changelogs). They never leave the application, so they skip the registry: each starts with a
 * format byte so that a later version can still read them.
 */
public final class InternalSerdes {
  private static final byte V1 = 1;

  private InternalSerdes() {}

  public static final Serde<CellCount> CELL_COUNT = binary(
      v -> 13,
      (v, b) -> b.putInt(v.count()).putLong(v.hashSum()),
      b -> new CellCount(b.getInt(), b.getLong()));

  public static final Serde<RecordCell> RECORD_CELL = binary(
      v -> 1 + 8 + 4 + utf8(v.cellKey()).length,
      (v, b) -> {
        b.putLong(v.contentHash());
        putBytes(b, utf8(v.cellKey()));
      },
      b -> {
        long hash = b.getLong();
        return new RecordCell(new String(getBytes(b), StandardCharsets.UTF_8), hash);
      });

  public static final Serde<MonthState> MONTH_STATE = binary(
      v -> 1 + 4 * 7 + 8 * 3 + 1,
      (v, b) -> b.putInt(MonthAxis.epoch(v.month()))
          .putInt(v.monthRevision()).putInt(v.recordCount()).putLong(v.recordHashSum()).putInt(v.lsoaCount())
          .putInt(v.snapshotRevision()).putLong(v.fingerprint()).putInt(v.rows()).putInt(v.totalCount())
          .putLong(v.readyAtMillis()).put((byte) (v.pending() == null ? -1 : v.pending().ordinal())),
      b -> new MonthState(MonthAxis.fromEpoch(b.getInt()),
          b.getInt(), b.getInt(), b.getLong(), b.getInt(),
          b.getInt(), b.getLong(), b.getInt(), b.getInt(),
          b.getLong(), cause(b.get())));

  private static final byte CELL = 1;
  private static final byte CLOSURE = 2;
  private static final byte PROFILE = 3;
  private static final byte RISK = 4;

  public static final Serde<BuilderInput> BUILDER_INPUT = binary(
      v -> 2 + (v instanceof BuilderInput.Cell ? 12 : 4 + length(payload(v))),
      (v, b) -> {
        if (v instanceof BuilderInput.Cell c) {
          b.put(CELL).putInt(c.value().count()).putLong(c.value().hashSum());
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
        if (kind == CELL) {
          return new BuilderInput.Cell(new CellCount(b.getInt(), b.getLong()));
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

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void putBytes(ByteBuffer b, byte[] bytes) {
    b.putInt(bytes.length).put(bytes);
  }

  private static byte[] getBytes(ByteBuffer b) {
    byte[] bytes = new byte[b.getInt()];
    b.get(bytes);
    return bytes;
  }

  /** A serde writing {@code V1} then the value's fields; null stays null (a tombstone). */
  private static <T> Serde<T> binary(ToIntFunction<T> size, BiConsumer<T, ByteBuffer> write, Function<ByteBuffer, T> read) {
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          ByteBuffer b = ByteBuffer.allocate(size.applyAsInt(value));
          b.put(V1);
          write.accept(value, b);
          return b.array();
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          ByteBuffer b = ByteBuffer.wrap(bytes);
          byte version = b.get();
          if (version != V1) {
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
