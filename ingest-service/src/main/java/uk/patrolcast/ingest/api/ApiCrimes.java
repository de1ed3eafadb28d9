package uk.patrolcast.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaResolution;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.ingest.Forces;
import uk.patrolcast.ingest.publish.MonthClosing;
import uk.patrolcast.ingest.reference.LsoaBoundaries;
import uk.patrolcast.ingest.reference.LsoaUniverse;
import uk.patrolcast.ingest.rows.RecordHashes;

/**
 * Turns the API's street-level crimes of one month into records by the same data rules as the files.
 * The API gives a point and no LSOA: the point is placed in its LSOA 2021 polygon (or the nearest one
 * within {@link #NEAREST_METRES}, for points on the generalised boundary's edge); a point farther out
 * is outside London (the record's resolution says which: point in polygon or nearest polygon; its
 * source LSOA code is empty, the API gives none). The same crime returned by two adjacent polygons (same API id) counts once; a
 * persistent id seen before counts once (the first). The force is the City of London Police inside the
 * City, the Metropolitan Police Service elsewhere. British Transport Police crimes ({@code location_type}
 * BTP) are skipped, as the forces' files do not carry them.
 */
public final class ApiCrimes {
  public static final double NEAREST_METRES = 200.0;
  public static final String CITY_BOROUGH = "E09000001";

  /** Records and rejections of a month, and the SHA-256 over its crimes' canonical JSON (sorted). */
  public record Month(List<CrimeRecord> records, List<RejectedRecord> rejections, int rows, String sha256) {}

  /** One polygon's answer: its id and the crimes. */
  public record Answer(String polygonId, JsonNode crimes) {}

  private ApiCrimes() {}

  public static Month of(String month, List<Answer> answers, LsoaBoundaries boundaries, LsoaUniverse universe, Instant now) {
    RecordHashes hashes = new RecordHashes();
    Set<String> seenApiIds = new HashSet<>();
    Set<String> seenPersistent = new HashSet<>();
    Map<String, Integer> occurrences = new HashMap<>();
    List<CrimeRecord> records = new ArrayList<>();
    List<RejectedRecord> rejections = new ArrayList<>();
    List<String> canonical = new ArrayList<>();
    String sourceFile = "police.uk API crimes-street/burglary " + month;
    int rows = 0;
    for (Answer a : answers) {
      String source = "api/crimes-street/burglary/" + month + "/" + a.polygonId();
      int index = 0;
      for (JsonNode c : a.crimes()) {
        index++;
        String apiId = c.path("id").asText();
        String raw = c.toString();
        if (!apiId.isEmpty() && !seenApiIds.add(apiId)) {
          continue; // the same crime from an adjacent polygon
        }
        if (!"Force".equals(c.path("location_type").asText("Force"))) {
          continue; // British Transport Police crimes: not in the forces' files either
        }
        rows++;
        canonical.add(raw);
        String persistent = c.path("persistent_id").asText("");
        String idOrNull = persistent.isEmpty() ? null : persistent;
        String crimeMonth = c.path("month").asText("");
        if (!month.equals(crimeMonth)) {
          rejections.add(rejection(source, index, RejectionReason.MONTH_MISMATCH,
              "Month '" + crimeMonth + "' differs from the month asked for (" + month + ")", raw, idOrNull, month, now));
          continue;
        }
        double lat = number(c.path("location").path("latitude").asText(""));
        double lon = number(c.path("location").path("longitude").asText(""));
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
          rejections.add(rejection(source, index, RejectionReason.BAD_COORDINATES, "The crime has no readable point", raw, idOrNull, month, now));
          continue;
        }
        if (idOrNull != null && !seenPersistent.add(persistent)) {
          rejections.add(rejection(source, index, RejectionReason.DUPLICATE_CRIME_ID,
              "Persistent id already counted earlier in this month's answers", raw, idOrNull, month, now));
          continue;
        }
        String lsoa = boundaries.locate(lon, lat);
        LsoaResolution how = LsoaResolution.SPLIT_POINT_IN_POLYGON;
        if (lsoa == null) {
          lsoa = boundaries.nearest(lon, lat, NEAREST_METRES);
          how = LsoaResolution.SPLIT_NEAREST_POLYGON;
        }
        if (lsoa == null || !universe.contains(lsoa)) {
          rejections.add(rejection(source, index, RejectionReason.LSOA_OUTSIDE_LONDON,
              "The point (" + lat + ", " + lon + ") lies in no London LSOA 2021 (nor within " + (int) NEAREST_METRES + " m of one)",
              raw, idOrNull, month, now));
          continue;
        }
        String key;
        if (idOrNull != null) {
          key = RecordHashes.idKey(MonthClosing.API_SLUG, month, persistent);
        } else {
          String digest = hashes.rowDigest(raw.getBytes(StandardCharsets.UTF_8));
          key = MonthClosing.API_SLUG + ":" + month + ":row:" + digest + ":" + (occurrences.merge(digest, 1, Integer::sum) - 1);
        }
        String force = CITY_BOROUGH.equals(universe.area(lsoa).boroughCode())
            ? Forces.KNOWN.get("city-of-london") : Forces.KNOWN.get("metropolitan");
        JsonNode outcome = c.path("outcome_status");
        records.add(new CrimeRecord(key, month, idOrNull, force, force, lon, lat,
            c.path("location").path("street").path("name").asText(""), lsoa, "", "", how, "Burglary",
            outcome.isObject() ? emptyToNull(outcome.path("category").asText("")) : null, emptyToNull(c.path("context").asText("")),
            sourceFile, 0L, hashes.contentHash(key, month, lsoa)));
      }
    }
    MessageDigest d = RecordHashes.sha256();
    canonical.stream().sorted().forEach(s -> d.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
    return new Month(records, rejections, rows, RecordHashes.hex(d.digest()));
  }

  private static RejectedRecord rejection(String source, long line, RejectionReason reason, String message, String raw, String crimeId,
      String month, Instant now) {
    return new RejectedRecord(source, line, reason, message, raw.length() > 4096 ? raw.substring(0, 4096) : raw,
        (long) raw.getBytes(StandardCharsets.UTF_8).length, month, null, crimeId, now);
  }

  private static double number(String s) {
    try {
      double v = Double.parseDouble(s);
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
