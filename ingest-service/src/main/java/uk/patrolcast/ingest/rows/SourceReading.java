package uk.patrolcast.ingest.rows;

import java.util.List;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.ingest.source.PoliceSource;

/**
 * What reading one source gave: the accepted records and the rejected rows in file order, or, when
 * the source could not be read to its end, only the refusal of the whole source.
 *
 * @param sha256 SHA-256 (hex) of the uncompressed content (null when it could not be read whole)
 * @param rows data rows read (header excluded), burglary or not, ours or not
 * @param nonBurglary rows of another crime type (skipped)
 * @param otherForce burglary rows of another force (skipped)
 * @param failure the refusal of the whole source, or null
 */
public record SourceReading(PoliceSource source, String force, String sha256, int rows, List<CrimeRecord> records,
    List<RejectedRecord> rejections, int nonBurglary, int otherForce, RejectedRecord failure) {

  public boolean failed() {
    return failure != null;
  }
}
