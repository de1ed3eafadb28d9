package uk.patrolcast.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.MonthSource;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.ingest.rows.RecordHashes;

/**
 * Decides whether a month is complete and what its MonthClosed says. A month is complete when every
 * configured force has a file manifest for it; before any file arrives, a month fetched whole from
 * the police.uk API is complete on its own (its manifest is keyed {@code api:<YYYY-MM>}); the files
 * supersede it. Counts and hash sums add over the sources (record keys carry the force slug, so they
 * never collide); the checksum is the SHA-256 over the sorted source SHA-256s. A MonthClosed is only
 * (re)published when it differs from the last one, with the revision raised by one.
 */
public final class MonthClosing {
  public static final String API_SLUG = "api";

  private MonthClosing() {}

  /**
   * @param manifests the month's manifests by key (as they will stand after the pending transaction)
   * @param forceSlugs the configured forces
   * @param previous the last MonthClosed of the month, or null
   * @param lsoaCount number of LsoaProfiles published
   * @return the MonthClosed to publish, or null when the month is incomplete or unchanged
   */
  public static MonthClosed close(String month, Map<String, SourceManifest> manifests, List<String> forceSlugs, MonthClosed previous,
      int lsoaCount, Instant now) {
    List<SourceManifest> sources = new ArrayList<>();
    boolean anyFile = forceSlugs.stream().anyMatch(s -> manifests.containsKey(s + ":" + month));
    if (anyFile) {
      for (String slug : forceSlugs) {
        SourceManifest m = manifests.get(slug + ":" + month);
        if (m == null) {
          return null;
        }
        sources.add(m);
      }
    } else {
      SourceManifest api = manifests.get(API_SLUG + ":" + month);
      if (api == null) {
        return null;
      }
      sources.add(api);
    }
    int count = 0;
    long hashSum = 0;
    int rejected = 0;
    List<MonthSource> parts = new ArrayList<>();
    List<String> shas = new ArrayList<>();
    for (SourceManifest m : sources) {
      count += m.getRecordKeys().size();
      hashSum += m.getRecordHashSum();
      rejected += m.getRejected();
      shas.add(m.getSha256());
      parts.add(new MonthSource(m.getForce(), m.getSource(), m.getSha256(), m.getRows(), m.getRecordKeys().size(), m.getRejected()));
    }
    String checksum = checksum(shas);
    if (previous != null && previous.getChecksum().equals(checksum) && previous.getRecordCount() == count
        && previous.getRecordHashSum() == hashSum && previous.getLsoaCount() == lsoaCount) {
      return null;
    }
    int revision = previous == null ? 1 : previous.getRevision() + 1;
    return new MonthClosed(month, revision, count, hashSum, rejected, checksum, parts, lsoaCount, now);
  }

  /** SHA-256 (hex) over the sorted source SHA-256s, one per line. */
  public static String checksum(List<String> sourceShas) {
    MessageDigest d = RecordHashes.sha256();
    sourceShas.stream().sorted().forEach(s -> d.update((s + "\n").getBytes(StandardCharsets.US_ASCII)));
    return RecordHashes.hex(d.digest());
  }
}
