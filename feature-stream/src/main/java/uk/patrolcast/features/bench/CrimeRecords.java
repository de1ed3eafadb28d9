package uk.patrolcast.features.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaResolution;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.MonthSource;

/**
 * Crime records and month closings shaped exactly as the ingest contract says (record keys, the
 * content hash, the MonthClosed sums), for the benchmark and the tests: the feature stream must be
 * right on what ingest will really publish.
 */
public final class CrimeRecords {
  public static final String MET = "Metropolitan Police Service";

  private CrimeRecords() {}

  /** {@code <force slug>:<YYYY-MM>:id:<Crime ID>}. */
  public static String idKey(String forceSlug, String month, String crimeId) {
    return forceSlug + ":" + month + ":id:" + crimeId;
  }

  /** {@code <force slug>:<YYYY-MM>:row:<sha-256 of the raw line, 16 hex>:<occurrence>}. */
  public static String rowKey(String forceSlug, String month, String rawLine, int occurrence) {
    return forceSlug + ":" + month + ":row:" + HexFormat.of().formatHex(sha256(rawLine)).substring(0, 16) + ":" + occurrence;
  }

  /** The first 8 bytes of SHA-256 of {@code recordKey|month|lsoa21cd}, as ingest computes it. */
  public static long contentHash(String recordKey, String month, String lsoa21cd) {
    return ByteBuffer.wrap(sha256(recordKey + "|" + month + "|" + lsoa21cd)).getLong();
  }

  /** A Met burglary record in {@code lsoa21cd}, its other fields plausible. */
  public static CrimeRecord record(String recordKey, String month, String crimeId, String lsoa21cd, double lon, double lat, long line) {
    return CrimeRecord.newBuilder()
        .setRecordKey(recordKey)
        .setMonth(month)
        .setCrimeId(crimeId)
        .setForce(MET)
        .setReportedBy(MET)
        .setLongitude(lon)
        .setLatitude(lat)
        .setLocation("On or near Synthetic Street")
        .setLsoa21cd(lsoa21cd)
        .setSourceLsoaCode(lsoa21cd)
        .setSourceLsoaName(lsoa21cd)
        .setLsoaResolution(LsoaResolution.LSOA21)
        .setCrimeType("Burglary")
        .setLastOutcome("Investigation complete; no suspect identified")
        .setContext(null)
        .setSourceFile(month + "-metropolitan-street.csv")
        .setSourceLine(line)
        .setContentHash(contentHash(recordKey, month, lsoa21cd))
        .build();
  }

  /** A record whose key is its Crime ID (as from 2011-12 on). */
  public static CrimeRecord withId(String month, String crimeId, String lsoa21cd) {
    return record(idKey("metropolitan", month, crimeId), month, crimeId, lsoa21cd, -0.1, 51.5, 2);
  }

  /** The MonthClosed ingest would publish for exactly these live records of {@code month}. */
  public static MonthClosed closing(String month, int revision, Collection<CrimeRecord> records, int lsoaCount) {
    long hashSum = 0;
    for (CrimeRecord r : records) {
      hashSum += r.getContentHash();
    }
    return MonthClosed.newBuilder()
        .setMonth(month)
        .setRevision(revision)
        .setRecordCount(records.size())
        .setRecordHashSum(hashSum)
        .setRejectedCount(0)
        .setChecksum(HexFormat.of().formatHex(sha256(month + ":" + revision + ":" + hashSum)))
        .setSources(List.of(MonthSource.newBuilder()
            .setForce(MET).setSource(month + "-metropolitan-street.csv").setSha256("0".repeat(64))
            .setRows(records.size()).setAccepted(records.size()).setRejected(0).build()))
        .setLsoaCount(lsoaCount)
        .setClosedAt(java.time.Instant.ofEpochSecond(1_700_000_000L))
        .build();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
