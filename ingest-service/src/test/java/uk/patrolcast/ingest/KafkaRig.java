package uk.patrolcast.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.ingest.publish.PublishedState;
import uk.patrolcast.ingest.publish.SourcePublisher;
import uk.patrolcast.ingest.rows.StreetSourceReader;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * A real local stack (KRaft broker + development registry) with the catalogue's topics, and the
 * ingest parts wired on TinyLondon: what integration tests restart to play a restarted ingest.
 */
final class KafkaRig implements AutoCloseable {
  static final String TX_ID = "patrolcast-ingest-test";
  final LocalStack stack;
  final SchemaRegistryClient registry;

  KafkaRig() {
    stack = LocalStack.startTemporary();
    Properties p = new Properties();
    p.put("bootstrap.servers", stack.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      TopicProvisioning.ensureAll(admin);
    }
    registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
  }

  /** An ingest that starts the way a restarted service does: state read back from the topics. */
  Ingest ingest() {
    return new Ingest(this, new SourcePublisher(stack.bootstrapServers(), registry, TX_ID));
  }

  static final class Ingest implements AutoCloseable {
    final SourcePublisher publisher;
    final PublishedState state;
    final SourceIngestion ingestion;

    Ingest(KafkaRig rig, SourcePublisher publisher) {
      this.publisher = publisher;
      this.state = PublishedState.read(rig.stack.bootstrapServers(), rig.registry);
      this.ingestion = new SourceIngestion(new StreetSourceReader(TinyLondon.harmoniser(), 1 << 16, YearMonth.of(2024, 12)),
          publisher, state, Forces.parse(Forces.DEFAULT), new IngestMetrics(new SimpleMeterRegistry()), 5);
    }

    @Override
    public void close() {
      publisher.close();
    }
  }

  /** Every committed record of crime.records.v1, tombstones as null values, in partition/offset order. */
  List<Map.Entry<String, CrimeRecord>> recordLog() {
    List<Map.Entry<String, CrimeRecord>> out = new ArrayList<>();
    TopicReader.readAll(stack.bootstrapServers(), registry, Topics.CRIME_RECORDS, (k, v) -> out.add(new java.util.AbstractMap.SimpleEntry<>(k, v)));
    return out;
  }

  /** The compacted view: the live records. */
  Map<String, CrimeRecord> liveRecords() {
    return TopicReader.latest(stack.bootstrapServers(), registry, Topics.CRIME_RECORDS);
  }

  Map<String, MonthClosed> closed() {
    return TopicReader.latest(stack.bootstrapServers(), registry, Topics.MONTH_CLOSED);
  }

  Map<String, SourceManifest> manifests() {
    return TopicReader.latest(stack.bootstrapServers(), registry, Topics.SOURCE_MANIFESTS);
  }

  List<RejectedRecord> rejections() {
    List<RejectedRecord> out = new ArrayList<>();
    TopicReader.readAll(stack.bootstrapServers(), registry, Topics.CRIME_REJECTED, (k, v) -> out.add(v));
    return out;
  }

  /** How many committed values (tombstones included) each key has in the record log. */
  Map<String, Integer> writesPerKey() {
    Map<String, Integer> n = new HashMap<>();
    recordLog().forEach(e -> n.merge(e.getKey(), 1, Integer::sum));
    return n;
  }

  /** Waits until what ingest committed is visible to read_committed readers ({@link TopicReader#awaitSettled}). */
  void awaitCommitted() {
    TopicReader.awaitSettled(stack.bootstrapServers(), Duration.ofSeconds(30), Topics.CRIME_RECORDS.name(),
        Topics.MONTH_CLOSED.name(), Topics.SOURCE_MANIFESTS.name(), Topics.CRIME_REJECTED.name());
  }

  @Override
  public void close() {
    stack.close();
  }
}
