package uk.patrolcast.ingest.rows;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.ingest.reference.LsoaHarmoniser;
import uk.patrolcast.platform.config.Months;

/**
 * The data rules for the rows of one source, in the order ARCHITECTURE.md gives them, after the row
 * checks (type and force decide whether a row is ours at all; then month and coordinates must be
 * readable): (1) no LSOA code → rejected; (2) a Crime ID already counted in this file → rejected
 * (the first in file order counts; empty IDs each count); (3) the code harmonised to a London LSOA
 * 2021, or rejected as outside London or unknown. Stateful: one instance per source.
 */
public final class StreetRowRules {
  public static final String BURGLARY = "Burglary";

  /** Why a row is ours or not, or the record it became. */
  public sealed interface Outcome permits Accepted, Rejected, Skipped {}

  public record Accepted(CrimeRecord record) implements Outcome {}

  public record Rejected(RejectionReason reason, String message, String crimeId) implements Outcome {}

  /** A row that is not ours: another crime type or another force (counted, never rejected). */
  public record Skipped(boolean otherForce) implements Outcome {}

  private final String slug;
  private final String force;
  private final YearMonth month;
  private final String monthText;
  private final YearMonth currentMonth;
  private final String sourceName;
  private final LsoaHarmoniser harmoniser;
  private final RecordHashes hashes = new RecordHashes();
  private final Map<String, Long> firstLineOfCrimeId = new HashMap<>(1 << 14);
  private final Map<String, Integer> lineOccurrences = new HashMap<>();

  public StreetRowRules(String slug, String force, YearMonth month, YearMonth currentMonth, String sourceName, LsoaHarmoniser harmoniser) {
    this.slug = slug;
    this.force = force;
    this.month = month;
    this.monthText = Months.format(month);
    this.currentMonth = currentMonth;
    this.sourceName = sourceName;
    this.harmoniser = harmoniser;
  }

  public Outcome classify(StreetColumns c, String[] f, byte[] raw, long line) {
    String crimeType = f[c.crimeType()].trim();
    if (!BURGLARY.equals(crimeType)) {
      return new Skipped(false);
    }
    String fallsWithin = f[c.fallsWithin()].trim();
    if (!force.equals(fallsWithin)) {
      return new Skipped(true);
    }
    String crimeId = f[c.crimeId()].trim();
    String idOrNull = crimeId.isEmpty() ? null : crimeId;
    String rowMonth = f[c.month()].trim();
    // The usual case, the file's own month, needs no parsing.
    if (!rowMonth.equals(monthText)) {
      try {
        Months.parse(rowMonth);
      } catch (IllegalArgumentException e) {
        return new Rejected(RejectionReason.BAD_MONTH, "Month: " + e.getMessage(), idOrNull);
      }
      return new Rejected(RejectionReason.MONTH_MISMATCH,
          "Month " + rowMonth + " differs from the month of its file (" + monthText + ")", idOrNull);
    }
    if (month.isAfter(currentMonth)) {
      return new Rejected(RejectionReason.FUTURE_MONTH, "Month " + rowMonth + " is in the future (now " + currentMonth + ")", idOrNull);
    }
    String lonText = f[c.longitude()].trim();
    String latText = f[c.latitude()].trim();
    double lon = Double.NaN;
    double lat = Double.NaN;
    if (!lonText.isEmpty() || !latText.isEmpty()) {
      lon = coordinate(lonText, 180);
      lat = coordinate(latText, 90);
      if (Double.isNaN(lon) || Double.isNaN(lat)) {
        return new Rejected(RejectionReason.BAD_COORDINATES,
            "Coordinates longitude '" + lonText + "', latitude '" + latText + "' are not a WGS84 point (both numbers, or both empty)",
            idOrNull);
      }
    }
    String lsoa = f[c.lsoaCode()].trim();
    if (lsoa.isEmpty()) {
      return new Rejected(RejectionReason.NO_LSOA, "No LSOA code (police.uk publishes no location for this record)", idOrNull);
    }
    if (idOrNull != null) {
      Long first = firstLineOfCrimeId.putIfAbsent(crimeId, line);
      if (first != null) {
        return new Rejected(RejectionReason.DUPLICATE_CRIME_ID,
            "Crime ID already counted at line " + first + " of this file (the first in file order counts)", idOrNull);
      }
    }
    LsoaHarmoniser.Outcome where = harmoniser.resolve(lsoa, lon, lat);
    if (!where.accepted()) {
      return new Rejected(where.reason(), where.message(), idOrNull);
    }
    String key;
    if (idOrNull != null) {
      key = RecordHashes.idKey(slug, monthText, crimeId);
    } else {
      String digest = hashes.rowDigest(raw);
      int occurrence = lineOccurrences.merge(digest, 1, Integer::sum) - 1;
      key = slug + ":" + monthText + ":row:" + digest + ":" + occurrence;
    }
    String lsoa21 = where.lsoa21();
    return new Accepted(new CrimeRecord(
        key, monthText, idOrNull, fallsWithin, f[c.reportedBy()].trim(),
        Double.isNaN(lon) ? null : lon, Double.isNaN(lat) ? null : lat,
        f[c.location()].trim(), lsoa21, lsoa, f[c.lsoaName()].trim(), where.resolution(), crimeType,
        emptyToNull(f[c.lastOutcome()]), emptyToNull(f[c.context()]), sourceName, line,
        hashes.contentHash(key, monthText, lsoa21)));
  }

  /** A finite number within ±limit, or NaN. */
  private static double coordinate(String text, double limit) {
    if (text.isEmpty()) {
      return Double.NaN;
    }
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      // Plain decimals only: Java would also take "NaN", "1e3", "0x1p3" or "5d".
      if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '+')) {
        return Double.NaN;
      }
    }
    try {
      double v = Double.parseDouble(text);
      return Double.isFinite(v) && Math.abs(v) <= limit ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String emptyToNull(String s) {
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
