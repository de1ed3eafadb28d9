package uk.patrolcast.features.model;

import java.util.List;
import org.apache.avro.Schema;
import uk.patrolcast.events.LsoaMonthFeatures;

/**
 * A 64-bit fingerprint of a month's feature rows, to tell whether a recomputed month differs from
 * what was published. It covers every field of every row in order except {@code snapshotRevision}
 * (which a re-emission changes by design) and {@code logRiskScore} (a new risk score must not make
 * old months look changed and re-trigger their forecasts). New schema fields are covered
 * automatically.
 */
public final class RowFingerprint {
  private static final Schema SCHEMA = LsoaMonthFeatures.getClassSchema();
  private static final int[] FIELDS = coveredFields();
  private static final long NULL = 0x6a09e667f3bcc909L;

  private long hash = 0x243f6a8885a308d3L;
  private int rows;

  public void add(LsoaMonthFeatures row) {
    long h = hash;
    for (int field : FIELDS) {
      h = mix(h ^ valueHash(row.get(field)));
    }
    hash = mix(h + rows);
    rows++;
  }

  public long value() {
    return mix(hash ^ rows);
  }

  public static long of(List<LsoaMonthFeatures> rows) {
    RowFingerprint f = new RowFingerprint();
    rows.forEach(f::add);
    return f.value();
  }

  private static int[] coveredFields() {
    List<String> excluded = List.of("snapshotRevision", "logRiskScore");
    return SCHEMA.getFields().stream().filter(f -> !excluded.contains(f.name())).mapToInt(Schema.Field::pos).toArray();
  }

  private static long valueHash(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Double d) {
      return Double.doubleToLongBits(d) * 31 + 7;
    }
    if (value instanceof Long l) {
      return l * 17 + 3;
    }
    CharSequence s = value instanceof CharSequence cs ? cs : value.toString();
    long h = 0xcbf29ce484222325L; // FNV-1a
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The splitmix64 finaliser: every input bit affects every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
