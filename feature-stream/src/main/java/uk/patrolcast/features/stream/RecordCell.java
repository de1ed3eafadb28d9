package uk.patrolcast.features.stream;

import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.features.model.FeatureRows;
import uk.patrolcast.platform.config.Months;

/**
 * What the counting stage keeps of a crime record: the cell it counts in ({@code <lsoa21cd>:<YYYY-MM>})
 * and its content hash. A few dozen bytes instead of the whole record.
 */
public record RecordCell(String cellKey, long contentHash) {
  private static final Logger log = LoggerFactory.getLogger(RecordCell.class);

  /** The cell of a record; null for a tombstone or for a record that cannot be placed (logged). */
  public static RecordCell of(String recordKey, CrimeRecord record) {
    if (record == null) {
      return null;
    }
    YearMonth month;
    try {
      month = Months.parse(record.getMonth());
    } catch (IllegalArgumentException e) {
      log.warn("Record {} not counted: {}", recordKey, e.getMessage());
      return null;
    }
    String lsoa = record.getLsoa21cd();
    if (lsoa == null || lsoa.isBlank() || lsoa.indexOf(':') >= 0) {
      log.warn("Record {} not counted: LSOA code '{}' is not usable", recordKey, lsoa);
      return null;
    }
    return new RecordCell(FeatureRows.key(lsoa, month), record.getContentHash());
  }

  /** The area of a cell key. */
  public static String lsoa(String cellKey) {
    return cellKey.substring(0, cellKey.lastIndexOf(':'));
  }

  /** The month of a cell key (IllegalArgumentException when malformed). */
  public static YearMonth month(String cellKey) {
    int colon = cellKey.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("'" + cellKey + "' is not a cell key <lsoa21cd>:<YYYY-MM>");
    }
    return Months.parse(cellKey.substring(colon + 1));
  }
}
