package uk.patrolcast.features.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The count cells of the live records one input partition holds, by bucket and month: the partial
 * counts a counting task hands to the snapshot builder, which sums the partitions' partials. Kept
 * mutable and in memory (rebuilt from the partition's records table at start), and handed on only
 * for the buckets that changed since the last {@link #drainChanged}, as whole buckets with absolute
 * values: handing one on twice changes nothing downstream.
 */
public final class PartitionCounts {
  /** A bucket's changed cells, whole: key {@code (bucket, month)}. */
  public record Changed(int bucket, String month, CellBucket cells) {}

  private final Map<String, Slot[]> months = new HashMap<>();
  private final List<Slot> changed = new ArrayList<>();

  /** One more live record with this content hash in the area and month. */
  public void add(String lsoa, String month, long contentHash) {
    slot(lsoa, month).move(lsoa, 1, contentHash, changed);
  }

  /** One live record less (retracted, corrected, or moved to another cell). */
  public void remove(String lsoa, String month, long contentHash) {
    slot(lsoa, month).move(lsoa, -1, -contentHash, changed);
  }

  /** The buckets changed since the last call, in no particular order; forgets them. */
  public List<Changed> drainChanged() {
    List<Changed> out = new ArrayList<>(changed.size());
    for (Slot s : changed) {
      out.add(new Changed(s.bucket, s.month, s.snapshot()));
      s.changed = false;
    }
    changed.clear();
    return out;
  }

  /** Marks every bucket changed: after a start, what was handed on before is not known. */
  public void markAllChanged() {
    for (Slot[] slots : months.values()) {
      for (Slot s : slots) {
        if (s != null && !s.changed) {
          s.changed = true;
          changed.add(s);
        }
      }
    }
  }

  /** A (bucket, month) this partition holds a part of. */
  public record Held(int bucket, String month) {}

  /** Every (bucket, month) this partition holds a part of. */
  public List<Held> held() {
    List<Held> out = new ArrayList<>();
    months.values().forEach(slots -> {
      for (Slot s : slots) {
        if (s != null) {
          out.add(new Held(s.bucket, s.month));
        }
      }
    });
    return out;
  }

  /** The area's cell (zero when none of its records is here). */
  public CellCount get(String lsoa, String month) {
    Slot[] slots = months.get(month);
    Slot s = slots == null ? null : slots[CellBucket.bucketOf(lsoa)];
    long[] cell = s == null ? null : s.cells.get(lsoa);
    return cell == null ? CellCount.ZERO : new CellCount((int) cell[0], cell[1]);
  }

  private Slot slot(String lsoa, String month) {
    Slot[] slots = months.computeIfAbsent(month, m -> new Slot[CellBucket.BUCKETS]);
    int bucket = CellBucket.bucketOf(lsoa);
    Slot s = slots[bucket];
    if (s == null) {
      s = new Slot(bucket, month);
      slots[bucket] = s;
    }
    return s;
  }

  /** One bucket of one month: count and hash sum per area ({@code long[2]}), zero cells kept. */
  private static final class Slot {
    final int bucket;
    final String month;
    final Map<String, long[]> cells = new HashMap<>();
    /** The areas in code order; null after a new one came (a bucket changes many times, gains areas rarely). */
    String[] sorted;
    boolean changed;

    Slot(int bucket, String month) {
      this.bucket = bucket;
      this.month = month;
    }

    void move(String lsoa, int count, long hash, List<Slot> changedSlots) {
      long[] cell = cells.get(lsoa);
      if (cell == null) {
        cell = new long[2];
        cells.put(lsoa, cell);
        sorted = null;
      }
      cell[0] += count;
      cell[1] += hash;
      if (!changed) {
        changed = true;
        changedSlots.add(this);
      }
    }

    CellBucket snapshot() {
      if (sorted == null) {
        sorted = cells.keySet().toArray(new String[0]);
        Arrays.sort(sorted);
      }
      String[] areas = sorted;
      int[] counts = new int[areas.length];
      long[] hashSums = new long[areas.length];
      for (int i = 0; i < areas.length; i++) {
        long[] cell = cells.get(areas[i]);
        counts[i] = (int) cell[0];
        hashSums[i] = cell[1];
      }
      return CellBucket.of(areas, counts, hashSums);
    }
  }
}
