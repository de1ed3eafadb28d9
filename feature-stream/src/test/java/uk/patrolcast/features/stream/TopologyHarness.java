package uk.patrolcast.features.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.features.model.CellBucket;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;

/** The real topology in a TopologyTestDriver, with the real Avro serdes over an in-memory registry. */
public final class TopologyHarness implements AutoCloseable {
  /** The counting tasks' flush interval here: every read of the outputs first lets this much wall-clock time pass. */
  static final Duration COUNT_FLUSH = Duration.ofMillis(100);

  final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  final SnapshotProgress progress = new SnapshotProgress(new SimpleMeterRegistry());
  final TopologyTestDriver driver;
  private final TestInputTopic<String, CrimeRecord> records;
  private final TestInputTopic<byte[], byte[]> rawRecords;
  private final TestInputTopic<String, LsoaProfile> profiles;
  private final TestInputTopic<String, MonthClosed> closings;
  private final TestInputTopic<String, RiskScore> risks;
  private final TestInputTopic<String, BuilderInput> builderInput;
  private final TestOutputTopic<String, LsoaMonthFeatures> rows;
  private final TestOutputTopic<String, SnapshotReady> readies;
  /** Every row and SnapshotReady read so far, in output order. */
  final List<LsoaMonthFeatures> rowLog = new ArrayList<>();
  final List<SnapshotReady> readyLog = new ArrayList<>();

  public TopologyHarness(Path stateDir) {
    this(stateDir, false);
  }

  /** @param recordsInMemory the records table on the heap (features.records.store=memory) */
  public TopologyHarness(Path stateDir, boolean recordsInMemory) {
    this(stateDir, new FeatureTopology.Settings(true, 0, 1000, null, recordsInMemory, COUNT_FLUSH.toMillis()));
  }

  TopologyHarness(Path stateDir, FeatureTopology.Settings settings) {
    Properties props = FeatureTopology.withTopologySettings(KafkaClientConfigs.streams("127.0.0.1:1", "features-test", stateDir, (short) 1));
    driver = new TopologyTestDriver(FeatureTopology.build(registry, settings, progress, "features-test"), props);
    records = input(Topics.CRIME_RECORDS);
    rawRecords = driver.createInputTopic(Topics.CRIME_RECORDS.name(), new ByteArraySerializer(), new ByteArraySerializer());
    profiles = input(Topics.LSOA_PROFILES);
    closings = input(Topics.MONTH_CLOSED);
    risks = input(Topics.RISK_SCORES);
    // The driver runs every task of the topology in one place, so every record lands in partition 0 of
    // crime.records.v1; other partitions' parts of a bucket are handed to the builder directly.
    builderInput = driver.createInputTopic("features-test-builder-input-repartition", new StringSerializer(),
        InternalSerdes.BUILDER_INPUT.serializer());
    rows = driver.createOutputTopic(Topics.FEATURES.name(), Topics.FEATURES.keySerde(registry).deserializer(),
        Topics.FEATURES.valueSerde(registry).deserializer());
    readies = driver.createOutputTopic(Topics.SNAPSHOT_READY.name(), Topics.SNAPSHOT_READY.keySerde(registry).deserializer(),
        Topics.SNAPSHOT_READY.valueSerde(registry).deserializer());
  }

  private <V extends org.apache.avro.specific.SpecificRecord> TestInputTopic<String, V> input(TopicSpec<V> spec) {
    return driver.createInputTopic(spec.name(), spec.keySerde(registry).serializer(), spec.valueSerde(registry).serializer());
  }

  public void profiles(Collection<LsoaProfile> all) {
    all.forEach(p -> profiles.pipeInput(p.getLsoa21cd(), p));
  }

  public void records(Collection<CrimeRecord> all) {
    all.forEach(this::record);
  }

  void record(CrimeRecord r) {
    records.pipeInput(r.getRecordKey(), r);
  }

  void rawRecord(byte[] key, byte[] value) {
    rawRecords.pipeInput(key, value);
  }

  /** A counting task's part of a bucket as if it came from {@code partition} of crime.records.v1. */
  void partial(int partition, String month, CellBucket part) {
    builderInput.pipeInput(RecordCell.partialKey(CellBucket.bucketOf(part.area(0)), month, partition), new BuilderInput.Cells(part));
  }

  /** A counting task's list of every part it holds, as it sends after a restart. */
  void partsHeld(int partition, List<String> keys) {
    builderInput.pipeInput("held/" + partition, new BuilderInput.PartsHeld(partition, keys));
  }

  void retract(String recordKey) {
    records.pipeInput(recordKey, null);
  }

  public void close(String month, int revision, Collection<CrimeRecord> live, int lsoaCount) {
    closings.pipeInput(month, CrimeRecords.closing(month, revision, live, lsoaCount));
  }

  void risk(String lsoa, double logRisk) {
    risks.pipeInput(lsoa, RiskScore.newBuilder().setLsoa21cd(lsoa).setLogRiskScore(logRisk).setExpRiskScore(Math.exp(logRisk))
        .setObservedRate(1).setModelVersion("risk-test").setDataMonth("2023-01").build());
  }

  /** SnapshotReady events published since the last call. */
  public List<SnapshotReady> newReadies() {
    drain();
    List<SnapshotReady> out = new ArrayList<>(readyLog.subList(readiesSeen, readyLog.size()));
    readiesSeen = readyLog.size();
    return out;
  }

  private int readiesSeen;

  /** Rows published since the last call. */
  List<LsoaMonthFeatures> newRows() {
    drain();
    List<LsoaMonthFeatures> out = new ArrayList<>(rowLog.subList(rowsSeen, rowLog.size()));
    rowsSeen = rowLog.size();
    return out;
  }

  private int rowsSeen;

  /** The latest row per key (what a compacted topic ends with). */
  public Map<String, LsoaMonthFeatures> latestRows() {
    drain();
    Map<String, LsoaMonthFeatures> out = new TreeMap<>();
    rowLog.forEach(r -> out.put(r.getLsoa21cd() + ":" + r.getMonth(), r));
    return out;
  }

  LsoaMonthFeatures latest(String lsoa, String month) {
    return latestRows().get(lsoa + ":" + month);
  }

  private void drain() {
    // The counting task hands its changed buckets on at its next flush.
    driver.advanceWallClockTime(COUNT_FLUSH);
    rows.readKeyValuesToList().forEach(kv -> {
      if (!kv.key.equals(kv.value.getLsoa21cd() + ":" + kv.value.getMonth())) {
        throw new AssertionError("row keyed " + kv.key + " holds " + kv.value.getLsoa21cd() + ":" + kv.value.getMonth());
      }
      rowLog.add(kv.value);
    });
    readies.readKeyValuesToList().forEach(kv -> {
      if (!kv.key.equals(kv.value.getMonth())) {
        throw new AssertionError("SnapshotReady keyed " + kv.key + " is for " + kv.value.getMonth());
      }
      readyLog.add(kv.value);
    });
  }

  @Override
  public void close() {
    driver.close();
  }
}
