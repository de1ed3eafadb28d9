package uk.patrolcast.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.ingest.rows.RecordHashes;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * Fingerprints of everything ingest published (committed records only), so that two runs over the
 * same data can be compared exactly, e.g. before and after a change to the pipeline. Records and
 * profiles are digested as the bytes on the topic (key and value, wire format header included,
 * partition by partition in offset order); rejections, manifests and MonthClosed carry the time they
 * were written, which is set to the epoch before their content is digested.
 */
public final class PublishedDigests {
  private PublishedDigests() {}

  /** Topic (or topic-partition) → {@code <records>:<SHA-256 hex>}, in catalogue then partition order. */
  public static Map<String, String> of(String bootstrapServers, SchemaRegistry registry) {
    Map<String, String> out = new LinkedHashMap<>();
    raw(bootstrapServers, Topics.CRIME_RECORDS, out);
    raw(bootstrapServers, Topics.LSOA_PROFILES, out);
    decoded(bootstrapServers, registry, Topics.CRIME_REJECTED, r -> {
      r.setRejectedAt(Instant.EPOCH);
      return r;
    }, out);
    decoded(bootstrapServers, registry, Topics.SOURCE_MANIFESTS, m -> {
      m.setIngestedAt(Instant.EPOCH);
      return m;
    }, out);
    decoded(bootstrapServers, registry, Topics.MONTH_CLOSED, (MonthClosed c) -> {
      c.setClosedAt(Instant.EPOCH);
      return c;
    }, out);
    return out;
  }

  /** One digest per partition over the key and value bytes as they are on the topic. */
  private static void raw(String bootstrapServers, TopicSpec<?> spec, Map<String, String> out) {
    MessageDigest d = RecordHashes.sha256();
    int[] count = {0};
    TopicReader.readRaw(bootstrapServers, spec.name(), (key, value) -> {
      update(d, key);
      update(d, value);
      count[0]++;
    }, partition -> {
      // digest() also resets it for the next partition.
      out.put(spec.name() + "-" + partition, count[0] + ":" + RecordHashes.hex(d.digest()));
      count[0] = 0;
    });
  }

  /** One digest per topic over the keys and the values' text with their time of writing cleared. */
  private static <V extends SpecificRecord> void decoded(String bootstrapServers, SchemaRegistry registry, TopicSpec<V> spec,
      UnaryOperator<V> timeless, Map<String, String> out) {
    MessageDigest d = RecordHashes.sha256();
    int[] count = {0};
    TopicReader.readAll(bootstrapServers, registry, spec, (key, value) -> {
      update(d, key.getBytes(StandardCharsets.UTF_8));
      update(d, value == null ? null : timeless.apply(value).toString().getBytes(StandardCharsets.UTF_8));
      count[0]++;
    });
    out.put(spec.name(), count[0] + ":" + RecordHashes.hex(d.digest()));
  }

  private static void update(MessageDigest d, byte[] bytes) {
    d.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
    if (bytes != null) {
      d.update(bytes);
    }
  }
}
