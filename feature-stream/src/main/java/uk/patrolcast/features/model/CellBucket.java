package uk.patrolcast.features.model;

import java.util.Arrays;

/**
 * The count cells of one month for the areas of one bucket (a fixed slice of the LSOA codes, see
 * {@link #bucketOf}), as a counting task hands them on (one input partition's part, see
 * {@link PartitionCounts}) and the snapshot builder stores them: one message per bucket and flush
 * instead of one per record. Sorted by area code; immutable. An area whose records were all
 * retracted stays with a zero cell, so a bucket always states the absolute value of every cell it
 * ever held.
 */
public final class CellBucket {
  private static final int BUCKET_BITS = 7;
  /** Buckets per month: a few dozen cells each for London, a few hundred for England and Wales. */
  public static final int BUCKETS = 1 << BUCKET_BITS;

  public static final CellBucket EMPTY = new CellBucket(new String[0], new int[0], new long[0]);

  private final String[] areas;
  private final int[] counts;
  private final long[] hashSums;

  private CellBucket(String[] areas, int[] counts, long[] hashSums) {
    this.areas = areas;
    this.counts = counts;
    this.hashSums = hashSums;
  }

  /**
   * A bucket from its cells. {@code areas} must be strictly increasing (as {@link #area} lists them).
   * The arrays are taken as they are (not copied): decoding hands over fresh ones.
   */
  public static CellBucket of(String[] areas, int[] counts, long[] hashSums) {
    if (areas.length != counts.length || areas.length != hashSums.length) {
      throw new IllegalArgumentException("a bucket needs as many counts and hash sums as areas");
    }
    for (int i = 1; i < areas.length; i++) {
      if (areas[i - 1].compareTo(areas[i]) >= 0) {
        throw new IllegalArgumentException("bucket areas out of order: " + areas[i - 1] + ", " + areas[i]);
      }
    }
    return new CellBucket(areas, counts, hashSums);
  }

  /**
   * The bucket an area's cells belong to: a stable function of its code (String.hashCode is
   * specified), spread by Fibonacci hashing (sequential codes differ only in their low bits).
   */
  public static int bucketOf(String area) {
    return (area.hashCode() * 0x9E3779B9) >>> (32 - BUCKET_BITS);
  }

  public int size() {
    return areas.length;
  }

  public String area(int i) {
    return areas[i];
  }

  public int count(int i) {
    return counts[i];
  }

  public long hashSum(int i) {
    return hashSums[i];
  }

  public CellCount cell(int i) {
    return new CellCount(counts[i], hashSums[i]);
  }

  /** Whether the bucket holds a cell of the area (perhaps at zero). */
  public boolean holds(String area) {
    return Arrays.binarySearch(areas, area) >= 0;
  }

  /** The area's cell (zero when the bucket never held it). */
  public CellCount get(String area) {
    int i = Arrays.binarySearch(areas, area);
    return i < 0 ? CellCount.ZERO : cell(i);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CellBucket b && Arrays.equals(areas, b.areas) && Arrays.equals(counts, b.counts)
        && Arrays.equals(hashSums, b.hashSums);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(areas) * 31 + Arrays.hashCode(counts) * 17 + Arrays.hashCode(hashSums);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CellBucket[");
    for (int i = 0; i < areas.length; i++) {
      s.append(i == 0 ? "" : ", ").append(areas[i]).append('=').append(counts[i]);
    }
    return s.append(']').toString();
  }
}
