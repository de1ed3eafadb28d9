package uk.patrolcast.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;

/**
 * One police.uk street-level source: a force's file for one month, wherever it lives (a plain or
 * gzip file, or an entry of an archive zip).
 *
 * @param slug force slug from the file name ({@code metropolitan}, {@code city-of-london})
 * @param month month from the file name
 * @param name path relative to the data directory, or {@code archive.zip!/entry}
 * @param content opens the uncompressed content, bounded by the archive limits
 */
public record PoliceSource(String slug, YearMonth month, String name, Content content) {

  /** Opens the uncompressed bytes of a source. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  /** {@code <slug>:<YYYY-MM>}: the manifest key of the source. */
  public String key() {
    return slug + ":" + month;
  }
}
