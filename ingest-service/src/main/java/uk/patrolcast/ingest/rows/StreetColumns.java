package uk.patrolcast.ingest.rows;

import java.util.ArrayList;
import java.util.List;

/**
 * Positions of the police.uk street-level columns in a file's header. Files are matched by column
 * name, so a reordered header still reads; a header missing a column refuses the file.
 */
public record StreetColumns(int count, int crimeId, int month, int reportedBy, int fallsWithin, int longitude, int latitude,
    int location, int lsoaCode, int lsoaName, int crimeType, int lastOutcome, int context) {

  public static final List<String> NAMES = List.of(
      "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code", "LSOA name",
      "Crime type", "Last outcome category", "Context");

  /** Thrown for a header that is not police.uk's. */
  public static final class BadHeader extends Exception {
    BadHeader(String message) {
      super(message);
    }
  }

  public static StreetColumns of(String[] header) throws BadHeader {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      String h = header[i].trim();
      names.add(i == 0 && h.startsWith("\uFEFF") ? h.substring(1).trim() : h);
    }
    List<String> missing = NAMES.stream().filter(n -> !names.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw new BadHeader("Header lacks the police.uk column(s) " + missing + "; found " + names);
    }
    return new StreetColumns(header.length, names.indexOf("Crime ID"), names.indexOf("Month"), names.indexOf("Reported by"),
        names.indexOf("Falls within"), names.indexOf("Longitude"), names.indexOf("Latitude"), names.indexOf("Location"),
        names.indexOf("LSOA code"), names.indexOf("LSOA name"), names.indexOf("Crime type"),
        names.indexOf("Last outcome category"), names.indexOf("Context"));
  }
}
