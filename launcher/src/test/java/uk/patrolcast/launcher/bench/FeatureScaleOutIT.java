package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureCsv;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.ingest.IngestConfig;
import uk.patrolcast.ingest.IngestService;
import uk.patrolcast.launcher.ConnectionOptions;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * Scaling the feature stream out: two instances with the same application id and their own state
 * directories share the work (each owns some of the record topic's partitions) and publish exactly
 * the feature rows one instance publishes on the same input.
 */
class FeatureScaleOutIT {
  private static final long TIMEOUT = TimeUnit.MINUTES.toNanos(4);
  @TempDir static Path tmp;
  static Path data;

  @BeforeAll
  static void generate() {
    data = tmp.resolve("data");
    DataGenerator.generate(new GeneratorOptions(Profile.ENGLAND_WALES, 200, 2, 5, YearMonth.of(2023, 6), 11, 1.0, 2, 1), data);
  }

  @Test
  void twoInstancesShareTheWorkAndPublishWhatOneDoes() throws Exception {
    byte[] one = features(1, tmp.resolve("one"));
    byte[] two = features(2, tmp.resolve("two"));
    assertThat(new String(one).lines().count()).as("200 LSOAs x 5 months + header").isEqualTo(1001);
    assertThat(two).isEqualTo(one);
  }

  /** Ingests the data on a fresh stack, runs {@code instances} feature streams, returns features.csv. */
  private static byte[] features(int instances, Path dir) throws Exception {
    try (LocalStack stack = LocalStack.startTemporary()) {
      Properties admin = new Properties();
      admin.put("bootstrap.servers", stack.bootstrapServers());
      try (Admin a = Admin.create(admin)) {
        TopicProvisioning.ensureAll(a);
      }
      Map<String, Object> base = new HashMap<>(ConnectionOptions.settingsFile(data.resolve(RunSettings.PROPERTIES)));
      base.put(ServiceConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
      base.put(ServiceConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
      base.put(ServiceConfig.DATA_DIR, data.toString());
      base.put(IngestConfig.MODE, "run");
      List<FeatureService> features = new ArrayList<>();
      try (IngestService ingest = new IngestService(new IngestConfig(withState(base, dir.resolve("ingest"))))) {
        ingest.start();
        for (int i = 0; i < instances; i++) {
          Map<String, Object> settings = withState(base, dir.resolve("features-" + i));
          settings.put(FeatureConfig.STREAM_THREADS, 1);
          FeatureService f = new FeatureService(new FeatureConfig(settings));
          f.start();
          features.add(f);
        }
        String last = awaitLastMonth(ingest);
        awaitFeatures(features, last);
        if (instances > 1) {
          assertSharedWork(stack.bootstrapServers(), instances);
        }
      } finally {
        features.forEach(FeatureService::close);
      }
      Path csv = dir.resolve("features.csv");
      FeatureCsv.write(stack.bootstrapServers(), new SchemaRegistryClient(stack.schemaRegistryUrl()), csv);
      return Files.readAllBytes(csv);
    }
  }

  private static Map<String, Object> withState(Map<String, Object> base, Path state) {
    Map<String, Object> settings = new HashMap<>(base);
    settings.put(ServiceConfig.STATE_DIR, state.toString());
    return settings;
  }

  private static String awaitLastMonth(IngestService ingest) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT;
    String last = ingest.lastInputMonth();
    assertThat(last).isEqualTo("2023-10");
    while (!last.equals(ingest.watermark())) {
      assertThat(ingest.alive()).as("ingest alive: %s", ingest.status()).isTrue();
      assertThat(System.nanoTime()).as("ingest done in time").isLessThan(deadline);
      Thread.sleep(100);
    }
    return last;
  }

  /** The snapshot builder is one task: whichever instance holds it knows the watermark. */
  private static void awaitFeatures(List<FeatureService> features, String last) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT;
    while (features.stream().map(FeatureService::watermark).filter(Objects::nonNull).noneMatch(last::equals)) {
      for (FeatureService f : features) {
        assertThat(f.alive()).as("feature stream alive: %s", f.status()).isTrue();
      }
      assertThat(System.nanoTime()).as("features done in time").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Every member of the group owns some of the record topic's partitions, and together all of them. */
  private static void assertSharedWork(String bootstrap, int instances) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(p)) {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("patrolcast-features"))
          .all().get(30, TimeUnit.SECONDS).get("patrolcast-features");
      assertThat(group.members()).hasSize(instances);
      Set<Integer> all = new TreeSet<>();
      for (MemberDescription m : group.members()) {
        List<Integer> mine = m.assignment().topicPartitions().stream()
            .filter(tp -> tp.topic().equals(Topics.CRIME_RECORDS.name())).map(TopicPartition::partition).toList();
        assertThat(mine).as("record partitions of %s", m.clientId()).isNotEmpty();
        all.addAll(mine);
      }
      assertThat(all).hasSize(Topics.CRIME_RECORDS.partitions());
    }
  }
}
