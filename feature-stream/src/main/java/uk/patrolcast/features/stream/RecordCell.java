package uk.patrolcast.features.stream;

import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.features.model.CellBucket;
import uk.patrolcast.platform.config.Months;

/**
 * What the counting stage keeps of a crime record: the cell it counts in (area and month) and its
 * content hash. A few dozen bytes instead of the whole record.
 */
public record RecordCell(String lsoa, String month, long contentHash) {
  private static final Logger log = LoggerFactory.getLogger(RecordCell.class);

  /** The cell of a record; null for a tombstone or for a record that cannot be placed (logged). */
  public static RecordCell of(String recordKey, CrimeRecord record) {
    return record == null ? null : of(recordKey, record.getMonth(), record.getLsoa21cd(), record.getContentHash());
  }

  /** The cell of a record's fields; null for a record that cannot be placed (logged). */
  public static RecordCell of(CharSequence recordKey, String month, String lsoa, long contentHash) {
    if (!Months.isMonth(month)) {
      log.warn("Record {} not counted: '{}' is not a month (YYYY-MM)", recordKey, month);
      return null;
    }
    if (lsoa == null || lsoa.isBlank() || lsoa.indexOf(':') >= 0) {
      log.warn("Record {} not counted: LSOA code '{}' is not usable", recordKey, lsoa);
      return null;
    }
    return new RecordCell(lsoa, month, contentHash);
  }

  /** The start of the bucket keys of an area's cells, for every month: {@code <bucket>:}. */
  public static String bucketPrefix(String lsoa) {
    return PREFIXES[CellBucket.bucketOf(lsoa)];
  }

  private static final String[] PREFIXES = java.util.stream.IntStream.range(0, CellBucket.BUCKETS)
      .mapToObj(b -> String.format("%03d:", b)).toArray(String[]::new);

  /**
   * The key of one input partition's part of a bucket, as the counting stage hands it to the builder:
   * {@code <bucket>:<YYYY-MM>/<partition>} (an area's keys still start with {@link #bucketPrefix}).
   */
  public static String partialKey(int bucket, String month, int partition) {
    return PREFIXES[bucket] + month + '/' + partition;
  }

  /** The input partition of a partial key; -1 for a key without one. */
  public static int partialPartition(String key) {
    int slash = key.lastIndexOf('/');
    try {
      return slash < 0 ? -1 : Integer.parseInt(key, slash + 1, key.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The month of a bucket key or partial key (IllegalArgumentException when malformed). */
  public static YearMonth bucketMonth(String bucketKey) {
    int colon = bucketKey.indexOf(':');
    if (colon <= 0 || bucketKey.length() < colon + 8) {
      throw new IllegalArgumentException("'" + bucketKey + "' is not a bucket key <bucket>:<YYYY-MM>[/<partition>]");
    }
    return Months.parse(bucketKey.substring(colon + 1, colon + 8));
  }
}
