package uk.patrolcast.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.ingest.publish.MonthClosing;
import uk.patrolcast.ingest.publish.PublishedState;
import uk.patrolcast.ingest.publish.SourcePublisher;
import uk.patrolcast.ingest.publish.Transaction;
import uk.patrolcast.ingest.rows.RecordHashes;
import uk.patrolcast.ingest.rows.SourceReading;
import uk.patrolcast.ingest.rows.StreetSourceReader;
import uk.patrolcast.ingest.source.PoliceSource;
import uk.patrolcast.platform.config.Months;

/**
 * Ingests one source as one transaction: skips it when its SHA-256 equals the manifest's; otherwise
 * publishes its records, tombstones for the keys its previous version had and this one has not, its
 * rejections, the new manifest (revision + 1), the retirement of API data the files supersede, and
 * the month's MonthClosed when the month became complete or changed.
 */
public final class SourceIngestion {
  private static final Logger log = LoggerFactory.getLogger(SourceIngestion.class);

  /** What happened to a source. */
  public enum Result { INGESTED, UNCHANGED, REFUSED }

  private final StreetSourceReader reader;
  private final SourcePublisher publisher;
  private final PublishedState state;
  private final Forces forces;
  private final IngestMetrics metrics;
  private final int lsoaCount;

  public SourceIngestion(StreetSourceReader reader, SourcePublisher publisher, PublishedState state, Forces forces, IngestMetrics metrics,
      int lsoaCount) {
    this.reader = reader;
    this.publisher = publisher;
    this.state = state;
    this.forces = forces;
    this.metrics = metrics;
    this.lsoaCount = lsoaCount;
  }

  /** A source read and ready to publish, or found unchanged. */
  public record Prepared(PoliceSource source, SourceManifest unchangedSince, SourceReading reading, List<SourcePublisher.Encoded> encoded,
      long readNanos) {}

  /** Reads a source (CPU only, no Kafka): may run ahead of {@link #publish} on another thread. */
  public Prepared read(PoliceSource source) {
    long started = System.nanoTime();
    SourceManifest previous = state.manifest(source.key());
    if (previous != null && previous.getSha256().equals(sha256(source))) {
      return new Prepared(source, previous, null, null, System.nanoTime() - started);
    }
    SourceReading reading = reader.read(source, forces.name(source.slug()));
    List<SourcePublisher.Encoded> encoded = reading.failed() ? null : publisher.encode(reading.records());
    return new Prepared(source, null, reading, encoded, System.nanoTime() - started);
  }

  /** Reads and publishes one source. */
  public Result ingest(PoliceSource source) {
    return publish(read(source));
  }

  /** Publishes a prepared source in one transaction (after the previous source's transaction committed). */
  public Result publish(Prepared prepared) {
    PoliceSource source = prepared.source();
    String month = Months.format(source.month());
    if (prepared.unchangedSince() != null) {
      metrics.file("unchanged");
      log.info("{} {}: unchanged since revision {} ({}), skipped", month, source.slug(), prepared.unchangedSince().getRevision(), source.name());
      return Result.UNCHANGED;
    }
    SourceReading reading = prepared.reading();
    if (reading.failed()) {
      publisher.publish(Transaction.rejections(source.name(), List.of(reading.failure())));
      metrics.rejected(reading.failure().getReason());
      metrics.file("refused");
      log.warn("{} {}: source refused ({}): {}", month, source.slug(), reading.failure().getReason(), reading.failure().getMessage());
      return Result.REFUSED;
    }
    long started = System.nanoTime();
    SourceManifest previous = state.manifest(source.key());
    Transaction t = transaction(reading, previous, Instant.now(), prepared.encoded());
    publisher.publish(t);
    state.committed(t);
    long publishNanos = System.nanoTime() - started;
    metrics.rows(reading.rows(), reading.records().size(), reading.nonBurglary(), reading.otherForce());
    reading.rejections().forEach(r -> metrics.rejected(r.getReason()));
    metrics.file("ingested");
    log.info("{} {}: {} rows, {} accepted, {} rejected, {} tombstones{}{} (read {} ms, publish {} ms) from {}", month, source.slug(),
        reading.rows(), reading.records().size(), reading.rejections().size(), t.tombstones().size(),
        previous == null ? "" : ", revision " + (previous.getRevision() + 1),
        t.closed() == null ? "" : "; month closed (revision " + t.closed().getRevision() + ", " + t.closed().getRecordCount() + " records)",
        prepared.readNanos() / 1_000_000, publishNanos / 1_000_000, source.name());
    return Result.INGESTED;
  }

  /** Publishes the refusal of a whole source found while scanning. */
  public void refuse(RejectedRecord rejection) {
    publisher.publish(Transaction.rejections(rejection.getSource(), List.of(rejection)));
    metrics.rejected(rejection.getReason());
    metrics.file("refused");
    log.warn("{}: source refused ({}): {}", rejection.getSource(), rejection.getReason(), rejection.getMessage());
  }

  Transaction transaction(SourceReading reading, SourceManifest previous, Instant now, List<SourcePublisher.Encoded> encoded) {
    PoliceSource source = reading.source();
    String month = Months.format(source.month());
    Set<String> keys = new LinkedHashSet<>(reading.records().size() * 2);
    long hashSum = 0;
    for (CrimeRecord r : reading.records()) {
      keys.add(r.getRecordKey());
      hashSum += r.getContentHash();
    }
    List<String> tombstones = new ArrayList<>();
    if (previous != null) {
      for (String k : previous.getRecordKeys()) {
        if (!keys.contains(k)) {
          tombstones.add(k);
        }
      }
    }
    List<String> retired = new ArrayList<>();
    SourceManifest api = state.manifest(MonthClosing.API_SLUG + ":" + month);
    if (api != null) {
      // Files supersede what the API gave for the month: retract it, as a correction would.
      tombstones.addAll(api.getRecordKeys());
      retired.add(MonthClosing.API_SLUG + ":" + month);
    }
    SourceManifest manifest = new SourceManifest(reading.force(), month, source.name(), reading.sha256(),
        previous == null ? 1 : previous.getRevision() + 1, reading.rows(), reading.rejections().size(), new ArrayList<>(keys), hashSum, now);
    Map<String, SourceManifest> after = new HashMap<>(state.manifestsOf(month));
    retired.forEach(after::remove);
    after.put(source.key(), manifest);
    MonthClosed closed = MonthClosing.close(month, after, forces.slugs(), state.closed(month), lsoaCount, now);
    return new Transaction(source.name(), reading.records(), tombstones, reading.rejections(), Map.of(source.key(), manifest), retired, closed,
        encoded);
  }

  /** SHA-256 of the uncompressed content, or null when it cannot be read (the full read will refuse it). */
  static String sha256(PoliceSource source) {
    MessageDigest d = RecordHashes.sha256();
    try (InputStream in = new DigestInputStream(source.content().open(), d)) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // digesting
      }
      return RecordHashes.hex(d.digest());
    } catch (IOException e) {
      return null;
    }
  }
}
