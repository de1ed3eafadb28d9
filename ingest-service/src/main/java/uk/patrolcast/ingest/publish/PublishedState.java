package uk.patrolcast.ingest.publish;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * What ingest has published, as the topics hold it: the latest manifest per force and month and the
 * latest MonthClosed per month. Read back from the compacted topics at start-up (committed data only),
 * so a restart with an empty local disk knows exactly what is already ingested; kept current after
 * each committed transaction.
 */
public final class PublishedState {
  private final Map<String, SourceManifest> manifests = new ConcurrentHashMap<>();
  private final NavigableMap<String, MonthClosed> closed = new ConcurrentSkipListMap<>();

  /** Nothing published yet (an ingest without inputs). */
  public static PublishedState empty() {
    return new PublishedState();
  }

  public static PublishedState read(String bootstrapServers, SchemaRegistry registry) {
    PublishedState s = new PublishedState();
    s.manifests.putAll(TopicReader.latest(bootstrapServers, registry, Topics.SOURCE_MANIFESTS));
    s.closed.putAll(TopicReader.latest(bootstrapServers, registry, Topics.MONTH_CLOSED));
    return s;
  }

  public SourceManifest manifest(String key) {
    return manifests.get(key);
  }

  /** Manifests of one month, keyed {@code <slug>:<YYYY-MM>}. */
  public Map<String, SourceManifest> manifestsOf(String month) {
    Map<String, SourceManifest> out = new java.util.TreeMap<>();
    manifests.forEach((k, v) -> {
      if (k.endsWith(":" + month)) {
        out.put(k, v);
      }
    });
    return out;
  }

  public MonthClosed closed(String month) {
    return closed.get(month);
  }

  public List<MonthClosed> closedMonths() {
    return List.copyOf(closed.values());
  }

  /** The latest month whose MonthClosed is published, or null. */
  public String watermark() {
    return closed.isEmpty() ? null : closed.lastKey();
  }

  /** Records what a committed transaction published. */
  public void committed(Transaction t) {
    manifests.putAll(t.manifests());
    t.manifestTombstones().forEach(manifests::remove);
    if (t.closed() != null) {
      closed.put(t.closed().getMonth(), t.closed());
    }
  }
}
