package uk.patrolcast.console.ops;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;

/**
 * What operators need to see of the Kafka cluster, read with the Admin API: every catalogue topic
 * with its partitions, end offsets and recent throughput, and every consumer group (the Streams
 * applications and service consumers) with its lag per topic.
 */
public final class ClusterMonitor implements AutoCloseable {
  /** Throughput is the growth of end offsets over this window. */
  static final long WINDOW_MS = 60_000;

  private final Admin admin;
  private final Map<String, ArrayDeque<long[]>> history = new HashMap<>();

  public ClusterMonitor(String bootstrapServers) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("client.id", "patrolcast-console-ops");
    p.put("default.api.timeout.ms", "15000");
    p.put("request.timeout.ms", "10000");
    this.admin = Admin.create(p);
  }

  /** One snapshot of topics and groups; errors are reported in the snapshot, not thrown. */
  public Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>();
    long now = System.currentTimeMillis();
    Map<TopicPartition, Long> ends = Map.of();
    try {
      Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
      List<String> names = Topics.ALL.stream().map(TopicSpec::name).filter(existing::contains).toList();
      Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS);
      List<TopicPartition> partitions = new ArrayList<>();
      described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
      ends = offsets(partitions, OffsetSpec.latest());
      Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
      out.put("topics", topics(existing, described, ends, starts, now));
    } catch (Exception e) {
      out.put("topicsError", message(e));
    }
    try {
      out.put("groups", groups(ends));
    } catch (Exception e) {
      out.put("groupsError", message(e));
    }
    out.put("at", Instant.ofEpochMilli(now).toString());
    return out;
  }

  private List<Map<String, Object>> topics(Set<String> existing, Map<String, TopicDescription> described,
      Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts, long now) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TopicSpec<?> spec : Topics.ALL) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("topic", spec.name());
      row.put("value", spec.valueType().getSimpleName());
      row.put("policy", spec.cleanupPolicy());
      row.put("description", spec.description());
      TopicDescription d = described.get(spec.name());
      if (!existing.contains(spec.name()) || d == null) {
        row.put("exists", false);
        rows.add(row);
        continue;
      }
      row.put("exists", true);
      row.put("partitions", d.partitions().size());
      long end = 0;
      long start = 0;
      List<Long> perPartition = new ArrayList<>();
      for (var p : d.partitions()) {
        TopicPartition tp = new TopicPartition(spec.name(), p.partition());
        long e = ends.getOrDefault(tp, 0L);
        end += e;
        start += starts.getOrDefault(tp, 0L);
        perPartition.add(e);
      }
      row.put("endOffsets", perPartition);
      row.put("endOffsetTotal", end);
      row.put("retained", end - start);
      row.put("recordsPerSecond", throughput(spec.name(), end, now));
      rows.add(row);
    }
    return rows;
  }

  /** Records per second over the last minute from the growth of the end offsets (0 until two samples). */
  double throughput(String topic, long endTotal, long now) {
    ArrayDeque<long[]> samples = history.computeIfAbsent(topic, t -> new ArrayDeque<>());
    samples.addLast(new long[] {now, endTotal});
    while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_MS) {
      samples.removeFirst();
    }
    long[] first = samples.peekFirst();
    if (first == null || now == first[0]) {
      return 0;
    }
    return Math.max(0, (endTotal - first[1]) * 1000.0 / (now - first[0]));
  }

  private List<Map<String, Object>> groups(Map<TopicPartition, Long> ends) throws Exception {
    @SuppressWarnings("deprecation")
    Collection<ConsumerGroupListing> listings = admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS);
    List<String> ids = listings.stream().map(ConsumerGroupListing::groupId).sorted().toList();
    Map<String, ConsumerGroupDescription> descriptions =
        ids.isEmpty() ? Map.of() : admin.describeConsumerGroups(ids).all().get(15, TimeUnit.SECONDS);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String id : ids) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
      Map<String, Long> lagByTopic = new TreeMap<>();
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        Long end = ends.get(e.getKey());
        if (end != null) {
          lagByTopic.merge(e.getKey().topic(), Math.max(0, end - e.getValue().offset()), Long::sum);
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", id);
      ConsumerGroupDescription d = descriptions.get(id);
      row.put("state", d == null ? "UNKNOWN" : String.valueOf(d.groupState()));
      row.put("members", d == null ? 0 : d.members().size());
      row.put("lag", lagByTopic.values().stream().mapToLong(Long::longValue).sum());
      row.put("lagByTopic", lagByTopic);
      rows.add(row);
    }
    return rows;
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
    Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request).all().get(15, TimeUnit.SECONDS);
    Map<TopicPartition, Long> out = new HashMap<>();
    result.forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  static String message(Exception e) {
    Throwable t = e.getCause() != null && e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
