package uk.patrolcast.features.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.features.model.FeatureRows;
import uk.patrolcast.features.model.LagFeatures;
import uk.patrolcast.features.model.NeighbourFeatures;
import uk.patrolcast.features.stream.FeatureTopology;
import uk.patrolcast.features.stream.SnapshotProgress;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.files.FileTree;
import uk.patrolcast.schemas.Topics;

/**
 * What this machine allows any Kafka Streams application with the feature stream's input and output
 * volume, whatever it computes: the same ~1M replay records on the same local stack, read by an
 * application with the feature service's own Streams settings (exactly-once, threads, commit interval,
 * compression), which keeps no state and writes one ready-made feature row (a real row's wire bytes)
 * for every 1.28 records read: the 0.79 M rows a replay publishes. Reported: records per second from
 * the application's start until every input record's offset is committed. Nothing of the feature
 * stream's work is in it, so {@link FeatureBench}'s figure can never exceed it on the same machine.
 *
 * <p>{@code --stage counting} runs the feature stream's counting stage alone instead (records table
 * and partial counts per input partition; the changed partial buckets written to a topic, no rows),
 * until its input is committed to its end. With the floor and {@link FeatureBench}, it splits the
 * feature stream's time between its parts.
 *
 * <pre>
 * java -Xmx3g -cp 'launcher/target/lib/*' uk.patrolcast.features.bench.FloorBench --data ../shared/data --passes 3
 * </pre>
 *
 * Options as {@link FeatureBench}: {@code --data}, {@code --records}, {@code --months}, {@code --threads},
 * {@code --commit-ms}, {@code --passes}, {@code --records-store rocksdb|memory}; and {@code --stage io|counting} (io).
 */
public final class FloorBench {
  private static final String ROWS_TOPIC = "floor.rows";

  private FloorBench() {}

  public static void main(String[] args) {
    try {
      run(FeatureBench.options(args));
    } catch (Exception e) {
      System.err.println("FloorBench failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(Map<String, String> opts) throws Exception {
    int months = Integer.parseInt(opts.getOrDefault("months", "159"));
    long records = Long.parseLong(opts.getOrDefault("records", "1022291"));
    int passes = Integer.parseInt(opts.getOrDefault("passes", "1"));
    String stage = opts.getOrDefault("stage", "io");
    if (!List.of("io", "counting").contains(stage)) {
      throw new IllegalArgumentException("--stage is io or counting, not " + stage);
    }
    YearMonth first = Months.parse(opts.getOrDefault("first", "2010-12"));
    List<LsoaProfile> areas = FeatureBench.areas(opts.get("data"));
    SyntheticCrimes crimes = new SyntheticCrimes(areas, (double) records / months, 7);
    long rowsWanted = (long) areas.size() * months;
    for (int pass = 1; pass <= passes; pass++) {
      System.out.printf("FloorBench pass %d of %d (%s)%n", pass, passes, pass == 1 ? "cold JVM" : "warm JVM");
      pass(opts, areas, crimes, months, first, rowsWanted, stage);
    }
  }

  private static void pass(Map<String, String> opts, List<LsoaProfile> areas, SyntheticCrimes crimes, int months, YearMonth first,
      long rowsWanted, String stage) throws Exception {
    Path state = Files.createTempDirectory("patrolcast-floor-bench-");
    try (ProvisionedStack provisioned = new ProvisionedStack()) {
      long replayed = FeatureBench.publishReplay(provisioned, areas, crimes, months, first);
      double rowsPerRecord = (double) rowsWanted / replayed;
      byte[] row = Topics.FEATURES.valueSerde(provisioned.registry).serialize(Topics.FEATURES.name(), sampleRow(areas.get(0), first));

      Map<String, Object> settings = FeatureBench.serviceSettings(provisioned, state, opts);
      settings.put(FeatureConfig.APPLICATION_ID, "floor-bench");
      FeatureConfig config = new FeatureConfig(settings);
      Properties props = new FeatureService(config).streamsProperties();
      String applicationId = props.getProperty("application.id");

      Properties admin = new Properties();
      admin.put("bootstrap.servers", provisioned.bootstrap());
      try (Admin a = Admin.create(admin)) {
        a.createTopics(List.of(new NewTopic(ROWS_TOPIC, Topics.FEATURES.partitions(), (short) 1))).all().get();
        Topology topology = stage.equals("io") ? passThrough(rowsPerRecord, row)
            : FeatureTopology.countingOnly(provisioned.registry, new SnapshotProgress(new SimpleMeterRegistry()),
                config.topologySettings(), ROWS_TOPIC);
        try (KafkaStreams app = new KafkaStreams(topology, FeatureTopology.withTopologySettings(props))) {
          long start = System.nanoTime();
          long cpuStart = FeatureBench.processCpuNanos();
          app.start();
          int inputs = Topics.CRIME_RECORDS.partitions();
          while (!committedToEnd(a, applicationId, inputs)) {
            Thread.sleep(50);
            if (System.nanoTime() - start > 30L * 60 * 1_000_000_000L) {
              throw new IllegalStateException("Floor replay did not finish in 30 minutes");
            }
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf("%s: %,d records read, %s, committed in %.1f s = %,.0f records/s (from start); process CPU %.1f s%n",
              stage.equals("io") ? "Floor" : "Counting stage", replayed,
              stage.equals("io") ? String.format("~%,d rows written", (long) (replayed * rowsPerRecord)) : "their partial buckets written",
              seconds, replayed / seconds, (FeatureBench.processCpuNanos() - cpuStart) / 1e9);
        }
      }
    } finally {
      FileTree.deleteQuietly(state);
    }
  }

  /** A Streams application that keeps nothing and writes one ready-made row per 1/rowsPerRecord records read. */
  private static Topology passThrough(double rowsPerRecord, byte[] row) {
    AtomicLong read = new AtomicLong();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.CRIME_RECORDS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .flatMap((k, v) -> {
          // Spread evenly and deterministically.
          long n = read.incrementAndGet();
          boolean emit = (long) (n * rowsPerRecord) > (long) ((n - 1) * rowsPerRecord);
          return emit ? List.of(KeyValue.pair(k, row)) : List.of();
        })
        .to(ROWS_TOPIC, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    return builder.build();
  }

  /**
   * Whether the application has committed offsets on {@code inputs} partitions and each reaches the
   * end of its partition (the last commit marker aside: no record follows it).
   */
  private static boolean committedToEnd(Admin admin, String applicationId, int inputs) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
        .partitionsToOffsetAndMetadata().get();
    if (committed.size() < inputs) {
      return false;
    }
    var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
    for (var e : committed.entrySet()) {
      if (e.getValue().offset() < ends.get(e.getKey()).offset() - 1) {
        return false;
      }
    }
    return true;
  }

  /** A feature row as the feature stream publishes them (two years of history, two neighbours). */
  private static LsoaMonthFeatures sampleRow(LsoaProfile area, YearMonth first) {
    LagFeatures lags = LagFeatures.of(i -> i % 3, 30);
    return FeatureRows.row(first.plusMonths(30), 31, area, lags, NeighbourFeatures.of(List.of(lags, lags)), -1.5, 1, 1);
  }
}
