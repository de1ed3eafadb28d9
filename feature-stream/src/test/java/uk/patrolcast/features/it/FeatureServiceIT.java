package uk.patrolcast.features.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureCsv;
import uk.patrolcast.features.FeatureFields;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.features.bench.InputPublisher;
import uk.patrolcast.features.bench.SyntheticCrimes;
import uk.patrolcast.features.bench.Universes;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/** The service on a real broker and registry: snapshots, the watermark, the queries, a correction, features.csv. */
class FeatureServiceIT {
  private static final YearMonth FIRST = YearMonth.of(2019, 11);
  private static final int MONTHS = 6;

  @TempDir Path dir;

  @Test
  void publishesCompleteSnapshotsAnswersQueriesAndWritesTheCsv() throws Exception {
    List<LsoaProfile> areas = Universes.grid(40, 11);
    SyntheticCrimes crimes = new SyntheticCrimes(areas, 120, 5);
    try (ItStack it = new ItStack()) {
      LocalStack stack = it.stack;
      SchemaRegistryClient registry = it.registry;
      Map<String, Integer> expected = it.publishMonths(areas, crimes, FIRST, MONTHS, "it-input");
      // The same records as published (a month's records depend only on the seed and the month).
      List<CrimeRecord> secondMonth = crimes.month(FIRST.plusMonths(1));
      Map<String, Object> settings = Map.of(
          "bootstrap.servers", stack.bootstrapServers(),
          "schema.registry.url", stack.schemaRegistryUrl(),
          "state.dir", dir.resolve("state").toString(),
          "patrolcast.mode", "run");
      try (FeatureService service = new FeatureService(new FeatureConfig(settings))) {
        service.start();
        String last = FIRST.plusMonths(MONTHS - 1).toString();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> last.equals(service.watermark()));
        assertThat(service.ready()).isTrue();
        assertThat(service.recordsPerSecond()).isPositive();

        // The watermark is the SnapshotReady partition's marker; the rows' partitions get theirs just after.
        TopicReader.awaitSettled(stack.bootstrapServers(), Duration.ofSeconds(30), Topics.FEATURES.name());
        Map<String, LsoaMonthFeatures> published = TopicReader.latest(stack.bootstrapServers(), registry, Topics.FEATURES);
        assertThat(published).hasSize(MONTHS * areas.size());
        published.forEach((key, row) -> assertThat(row.getCount()).as(key).isEqualTo(expected.getOrDefault(key, 0)));

        // The watermark endpoint reports every month complete and committed.
        HttpClient http = HttpClient.newHttpClient();
        JsonNode watermark = get(http, service.url() + "/watermark");
        assertThat(watermark.get("watermark").asText()).isEqualTo(last);
        assertThat(watermark.get("months")).hasSize(MONTHS);
        assertThat(watermark.get("months").get(1).get("expectedRecords").asInt()).isEqualTo(secondMonth.size());
        assertThat(watermark.get("months").get(1).get("committedRevision").asInt()).isEqualTo(1);

        // The query recomputes exactly the published row.
        String area = areas.get(17).getLsoa21cd();
        JsonNode answer = get(http, service.url() + "/features/" + area + "?month=" + FIRST.plusMonths(3));
        Map<String, Object> expectedRow = FeatureFields.asMap(published.get(area + ":" + FIRST.plusMonths(3)));
        assertThat(HttpApi.JSON.convertValue(answer.get("rows").get(0), Map.class)).isEqualTo(HttpApi.JSON.convertValue(expectedRow, Map.class));
        assertThat(get(http, service.url() + "/features/" + area + "?last=3").get("rows")).hasSize(3);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/features/E09999999")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);

        // A correction: one record of the second month disappears.
        CrimeRecord gone = secondMonth.get(0);
        List<CrimeRecord> remaining = secondMonth.subList(1, secondMonth.size());
        try (InputPublisher in = new InputPublisher(stack.bootstrapServers(), registry, "it-input")) {
          in.retract(List.of(gone.getRecordKey()), CrimeRecords.closing(gone.getMonth(), 2, remaining, areas.size()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          Map<String, SnapshotReady> readies = TopicReader.latest(stack.bootstrapServers(), registry, Topics.SNAPSHOT_READY);
          SnapshotReady r = readies.get(gone.getMonth());
          return r != null && r.getRevision() == 2 && r.getCause() == SnapshotCause.CORRECTED;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> last.equals(service.watermark()));
        expected.merge(gone.getLsoa21cd() + ":" + gone.getMonth(), -1, Integer::sum);
      }

      Path csv = dir.resolve("features.csv");
      FeatureCsv.Summary summary = FeatureCsv.write(stack.bootstrapServers(), registry, csv);
      assertThat(summary.rows()).isEqualTo((long) MONTHS * areas.size());
      assertThat(summary.months()).isEqualTo(MONTHS);
      List<String> lines = Files.readAllLines(csv);
      assertThat(lines.get(0)).isEqualTo(FeatureFields.csvHeader());
      assertThat(lines.subList(1, lines.size())).isSorted().hasSize(MONTHS * areas.size());
      for (String line : lines.subList(1, lines.size())) {
        String[] v = line.split(",", 4);
        assertThat(Integer.parseInt(v[2])).as(line).isEqualTo(expected.getOrDefault(v[1] + ":" + v[0], 0));
      }
      // Written twice from the same topic: byte for byte the same file.
      Path again = dir.resolve("again.csv");
      FeatureCsv.write(stack.bootstrapServers(), registry, again);
      assertThat(Files.mismatch(csv, again)).isEqualTo(-1);
    }
  }

  private static JsonNode get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + " -> " + r.body()).isEqualTo(200);
    return HttpApi.JSON.readTree(r.body());
  }
}
