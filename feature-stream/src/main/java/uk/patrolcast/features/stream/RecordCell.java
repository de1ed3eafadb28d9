package uk.patrolcast.features.stream;

import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
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
    String month = record.getMonth();
    if (!isMonth(month)) {
      log.warn("Record {} not counted: '{}' is not a month (YYYY-MM)", recordKey, month);
      return null;
    }
    String lsoa = record.getLsoa21cd();
    if (lsoa == null || lsoa.isBlank() || lsoa.indexOf(':') >= 0) {
      log.warn("Record {} not counted: LSOA code '{}' is not usable", recordKey, lsoa);
      return null;
    }
    return new RecordCell(lsoa + ":" + month, record.getContentHash());
  }

  /** {@code YYYY-MM} with a month from 01 to 12; checked by hand because it runs once per record. */
  static boolean isMonth(String text) {
    if (text == null || text.length() != 7 || text.charAt(4) != '-') {
      return false;
    }
    for (int i = 0; i < 7; i++) {
      if (i != 4 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
        return false;
      }
    }
    int mm = (text.charAt(5) - '0') * 10 + text.charAt(6) - '0';
    return mm >= 1 && mm <= 12;
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
