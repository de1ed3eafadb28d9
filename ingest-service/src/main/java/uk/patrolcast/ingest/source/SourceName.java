package uk.patrolcast.ingest.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * police.uk file names: {@code YYYY-MM-<force slug>-street.csv} as published (also gzip), and the
 * {@code -street-burglary} extracts of the shared data. The month part is checked later, so that a
 * bad month in a name is refused with its own reason.
 */
public record SourceName(String month, String slug) {
  private static final Pattern NAME =
      Pattern.compile("(\\d{4}-\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*?)-street(?:-burglary)?\\.csv(?:\\.gz)?");

  /** The parts of a file name (the last path segment), or null when it is no police.uk street file. */
  public static SourceName parse(String fileName) {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    Matcher m = NAME.matcher(fileName.substring(slash + 1));
    return m.matches() ? new SourceName(m.group(1), m.group(2)) : null;
  }
}
