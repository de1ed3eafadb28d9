package uk.patrolcast.ingest.publish;

import java.util.List;
import java.util.Map;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;

/**
 * Everything one source changes, written atomically: its records, tombstones for the keys that left
 * it, its rejections, its new manifest (and the retirement of a superseded one), and the month's
 * MonthClosed when the source completed or changed a closed month.
 *
 * @param label what the transaction is for, in logs and errors
 * @param manifests new manifests by key {@code <slug>:<YYYY-MM>}
 * @param manifestTombstones manifest keys to retire
 * @param closed MonthClosed to publish, or null
 * @param encodedRecords {@code records} already serialised (by {@link SourcePublisher#encode}), or null
 */
public record Transaction(String label, List<CrimeRecord> records, List<String> tombstones, List<RejectedRecord> rejections,
    Map<String, uk.patrolcast.events.SourceManifest> manifests, List<String> manifestTombstones, MonthClosed closed,
    List<SourcePublisher.Encoded> encodedRecords) {

  public Transaction(String label, List<CrimeRecord> records, List<String> tombstones, List<RejectedRecord> rejections,
      Map<String, uk.patrolcast.events.SourceManifest> manifests, List<String> manifestTombstones, MonthClosed closed) {
    this(label, records, tombstones, rejections, manifests, manifestTombstones, closed, null);
  }

  /** Only rejections (a source refused as a whole). */
  public static Transaction rejections(String label, List<RejectedRecord> rejections) {
    return new Transaction(label, List.of(), List.of(), rejections, Map.of(), List.of(), null);
  }
}
