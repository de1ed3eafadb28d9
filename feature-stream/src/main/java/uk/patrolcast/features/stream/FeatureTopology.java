package uk.patrolcast.features.stream;

import java.time.YearMonth;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * The feature stream's topology. It only wires; the rules live in {@code model}.
 *
 * <pre>
 * crime.records.v1 ─► record counter, one task per partition: table "records" (by record key: a record
 *   seen twice counts once, a tombstone retracts it) and the partition's partial counts per bucket
 *   and month, forwarded every flush interval for the buckets that changed    [scales with partitions]
 *   ─► partial buckets ─┐
 * ingest.month-closed.v1 ─┤
 * reference.lsoa.v1 ──────┼─► repartition "builder-input" (1 partition) ─► snapshot builder
 * risk.lsoa.v1 ───────────┘      (one task; sums the partitions' partials; stores builder-cells,
 *                                 -months, -profiles, -risk)
 *   ─► features.lsoa-month.v1 + features.snapshot-ready.v1   (in the task's transaction)
 * </pre>
 *
 * The records are never re-keyed by area: a partition's records are counted where they are read, and
 * only the few changed buckets per flush travel on (a repartition by area cost a produce, an append
 * and a fetch per record, and the aggregation behind it lagged the reading by half a replay).
 */
public final class FeatureTopology {
  public static final String RECORDS_STORE = "records";
  public static final String CELLS_STORE = "builder-cells";
  public static final String MONTHS_STORE = "builder-months";
  public static final String PROFILES_STORE = "builder-profiles";
  public static final String RISK_STORE = "builder-risk";
  private static final String BUILDER_INPUT = "builder-input";
  private static final String COUNTER = "count-records";

  private FeatureTopology() {}

  /**
   * @param joinRisk rows carry the latest risk score
   * @param profileQuietMillis a re-check after profile changes waits this long after the last one
   * @param punctuateMillis how often the builder re-checks deferred work and refreshes its progress
   * @param firstMonth the first month of data if known in advance, else null (the earliest closed month)
   * @param recordsInMemory the records table on the heap instead of RocksDB (restored from crime.records.v1 at every start)
   * @param countFlushMillis how often each counting task forwards the buckets that changed
   */
  public record Settings(boolean joinRisk, long profileQuietMillis, long punctuateMillis, YearMonth firstMonth,
      boolean recordsInMemory, long countFlushMillis) {
    public static final Settings DEFAULTS = new Settings(true, 2000, 1000, null, false, 200);
  }

  /** Decoders of the builder's Avro inputs (registry-backed, so older writer schemas still read). */
  record Codecs(AvroSerde<MonthClosed> closed, AvroSerde<LsoaProfile> profile, AvroSerde<RiskScore> risk) {}

  /** @param applicationId the Streams application id, which names the builder's input topic */
  public static Topology build(SchemaRegistry registry, Settings settings, SnapshotProgress progress, String applicationId) {
    StreamsBuilder builder = new StreamsBuilder();
    AvroSerde<String> key = Topics.CRIME_RECORDS.keySerde(registry);

    KStream<String, BuilderInput> closures = raw(builder, key, Topics.MONTH_CLOSED.name(), "month-closed")
        .mapValues(bytes -> (BuilderInput) new BuilderInput.Closure(bytes), Named.as("closure-input"));
    KStream<String, BuilderInput> profiles = raw(builder, key, Topics.LSOA_PROFILES.name(), "profiles")
        .mapValues(bytes -> (BuilderInput) new BuilderInput.Profile(bytes), Named.as("profile-input"));
    KStream<String, BuilderInput> risks = raw(builder, key, Topics.RISK_SCORES.name(), "risk-scores")
        .mapValues(bytes -> (BuilderInput) new BuilderInput.Risk(bytes), Named.as("risk-input"));

    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CELLS_STORE), Serdes.String(), InternalSerdes.CELL_BUCKET));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MONTHS_STORE), Serdes.String(), InternalSerdes.MONTH_STATE));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILES_STORE), Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RISK_STORE), Serdes.String(), Serdes.ByteArray()));

    Codecs codecs = new Codecs(
        Topics.MONTH_CLOSED.valueSerde(registry), Topics.LSOA_PROFILES.valueSerde(registry), Topics.RISK_SCORES.valueSerde(registry));
    KStream<String, SpecificRecord> published = closures
        .merge(profiles, Named.as("merge-profiles"))
        .merge(risks, Named.as("merge-risks"))
        .repartition(Repartitioned.<String, BuilderInput>as(BUILDER_INPUT)
            .withKeySerde(Serdes.String()).withValueSerde(InternalSerdes.BUILDER_INPUT).withNumberOfPartitions(1))
        .process(() -> new SnapshotBuilder(settings, progress, codecs), Named.as("snapshot-builder"),
            CELLS_STORE, MONTHS_STORE, PROFILES_STORE, RISK_STORE);

    Serde<String> outKey = Serdes.serdeFrom(WireSerializer.forKey(registry), key.deserializer());
    Serde<LsoaMonthFeatures> rowSerde = Serdes.serdeFrom(WireSerializer.forValue(LsoaMonthFeatures.class, registry),
        Topics.FEATURES.valueSerde(registry).deserializer());
    published.filter((k, v) -> v instanceof LsoaMonthFeatures, Named.as("rows"))
        .mapValues(v -> (LsoaMonthFeatures) v, Named.as("as-rows"))
        .to(Topics.FEATURES.name(), Produced.with(outKey, rowSerde).withName("features-out"));
    published.filter((k, v) -> v instanceof SnapshotReady, Named.as("readies"))
        .mapValues(v -> (SnapshotReady) v, Named.as("as-readies"))
        .to(Topics.SNAPSHOT_READY.name(), Produced.with(key, Topics.SNAPSHOT_READY.valueSerde(registry)).withName("snapshot-ready-out"));
    Topology topology = builder.build();
    // The counting stage joins the builder's input topic from outside the DSL graph (its table is a
    // read-only store, a Processor API feature), so it names the topic as Streams decorates it.
    addCounting(topology, registry, progress, settings, builderInputTopic(applicationId));
    return topology;
  }

  /** The builder's input topic: Streams' name for the {@code builder-input} repartition topic. */
  static String builderInputTopic(String applicationId) {
    return applicationId + "-" + BUILDER_INPUT + "-repartition";
  }

  /**
   * The counting stage alone, for {@code FloorBench} to measure apart from the snapshot builder: its
   * partial buckets written to {@code topic} (internal format).
   */
  public static Topology countingOnly(SchemaRegistry registry, SnapshotProgress progress, Settings settings, String topic) {
    Topology topology = new Topology();
    addCounting(topology, registry, progress, settings, topic);
    return topology;
  }

  /**
   * Crime records to the changes of their partitions' partial buckets (key {@code <bucket>:<YYYY-MM>/<partition>}),
   * written to {@code topic}. The records table is a read-only store in Streams' sense: its changelog is
   * crime.records.v1 itself, so no second copy of every record is written (that copy's produce, append
   * and acknowledgement were about a tenth of a replay's CPU), and a restore replays the topic up to
   * the committed offset, whose wire-format values {@link RecordTableSerde} reads like the compact cells
   * the counter writes.
   */
  private static void addCounting(Topology topology, SchemaRegistry registry, SnapshotProgress progress, Settings settings,
      String topic) {
    // Keys stay bytes: a record key is only an identity here.
    topology.addReadOnlyStateStore(
        Stores.keyValueStoreBuilder(
            settings.recordsInMemory() ? Stores.inMemoryKeyValueStore(RECORDS_STORE) : Stores.persistentKeyValueStore(RECORDS_STORE),
            Serdes.Bytes(), new RecordTableSerde(registry)),
        "crime-records", Serdes.Bytes().deserializer(), new RecordTableSerde(registry, progress::recordRead).deserializer(),
        Topics.CRIME_RECORDS.name(), COUNTER, () -> new RecordCounter(settings.countFlushMillis()));
    topology.addSink("buckets-out", topic, Serdes.String().serializer(), InternalSerdes.BUILDER_INPUT.serializer(), COUNTER);
  }

  /**
   * Adds what the topology needs to Streams properties. A record that cannot be read is logged and
   * skipped, unless the registry could not be reached ({@link UnreadableRecordHandler}).
   */
  public static Properties withTopologySettings(Properties streams) {
    streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableRecordHandler.class.getName());
    // There is no global store here; set for Kafka 5.0's default. Kafka 4.4 still warns "not enabled
    // for the GlobalThread" once per stream thread with it set (checked: one line per thread either way);
    // the launcher's log filter (BenignKafkaWarnings) drops that line.
    streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // No input here needs time alignment with another (no joins; the builder's inputs are merged and
    // its decisions rest on counts and hashes, not on order): never hold a task back waiting for an
    // empty partition of a merged input.
    streams.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    return streams;
  }

  /** A source whose values stay in their wire format (the builder decodes them). */
  private static KStream<String, byte[]> raw(StreamsBuilder builder, AvroSerde<String> key, String topic, String name) {
    return builder.stream(topic, Consumed.with(key, Serdes.ByteArray()).withName(name));
  }
}
