package uk.patrolcast.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * The console service on a real broker and registry, without a browser: it reads the topics,
 * becomes ready, pushes changes over server-sent events, serves CSV and metrics, and guards writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleServiceIT {
  private LocalStack stack;
  private ConsoleService console;
  private KafkaProducer<String, LsoaProfile> profiles;
  private KafkaProducer<String, LsoaMonthFeatures> features;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    stack = LocalStack.startTemporary();
    TestStack.ensureTopics(stack.bootstrapServers());
    SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
    profiles = new KafkaProducer<>(KafkaClientConfigs.producer(stack.bootstrapServers(), "it-profiles"),
        Topics.LSOA_PROFILES.keySerde(registry).serializer(), Topics.LSOA_PROFILES.valueSerde(registry).serializer());
    features = new KafkaProducer<>(KafkaClientConfigs.producer(stack.bootstrapServers(), "it-features"),
        Topics.FEATURES.keySerde(registry).serializer(), Topics.FEATURES.valueSerde(registry).serializer());
    profiles.send(new ProducerRecord<>(Topics.LSOA_PROFILES.name(), "E01000001", TestEvents.profile("E01000001", "W1"))).get();
    features.send(new ProducerRecord<>(Topics.FEATURES.name(), "E01000001:2024-01",
        TestEvents.features("E01000001", "W1", "2024-01", 3))).get();
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", stack.bootstrapServers());
    settings.put("schema.registry.url", stack.schemaRegistryUrl());
    settings.put(ConsoleConfig.TOKEN, "it-token");
    settings.put(ConsoleConfig.WHATIF_TIMEOUT_MS, "3000");
    settings.put(ConsoleConfig.PUSH_INTERVAL_MS, "100");
    console = new ConsoleService(new ConsoleConfig(settings));
    console.start();
  }

  @Test
  void readsTheTopicsBecomesReadyAndPushesChangesLive() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> get("/health/ready").statusCode() == 200);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThat(get("/api/summary").body()).contains("\"months\":[\"2024-01\"]", "\"profiles\":1");

    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(console.url() + "/api/events")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    assertThat(lines.readLine()).isEqualTo("retry: 3000");
    CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = lines.readLine()) != null; ) {
          if (line.startsWith("data:") && line.contains("\"counts\"")) {
            return line;
          }
        }
        return null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    features.send(new ProducerRecord<>(Topics.FEATURES.name(), "E01000001:2024-02",
        TestEvents.features("E01000001", "W1", "2024-02", 5))).get();
    assertThat(changed.get(30, java.util.concurrent.TimeUnit.SECONDS)).contains("\"ingested\"");
    stream.body().close();
    assertThat(get("/api/map/lsoa/2024-02").body()).contains("\"actualTotal\":5.0");
  }

  @Test
  void tablesDownloadAsCsv() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/summary").body().contains("2024-01"));
    HttpResponse<String> csv = get("/api/tables/features/csv?param=2024-01&f.count=3");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"patrolcast-features-2024-01.csv\"");
    assertThat(csv.body().split("\r\n")).hasSize(2);
    assertThat(csv.body()).startsWith("month,lsoa21cd,borough,count,").contains("2024-01,E01000001,City,3,");
    assertThat(get("/api/tables/nope").statusCode()).isEqualTo(400);
  }

  @Test
  void whatIfNeedsTheTokenAndSaysWhenNoAllocatorAnswers() throws Exception {
    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(console.url() + "/api/whatif"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"budgetHoursPerDayPerLsoa\": 1.5}"));
    assertThat(http.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = http.send(post.header("Authorization", "Bearer it-token").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(504);
    assertThat(wrong.body()).contains("No answer from the allocator");
    HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(URI.create(console.url() + "/api/whatif"))
        .header("Authorization", "Bearer it-token").POST(HttpRequest.BodyPublishers.ofString("{\"budget\": 1}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(get("/api/session").body()).contains("\"writesEnabled\":true");
  }

  @Test
  void exposesPrometheusMetrics() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> get("/metrics").body().contains("console_feed_records_total"));
    assertThat(get("/metrics").body()).contains("console_feed_caught_up", "console_browsers_connected");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(console.url() + path)).header("Accept-Encoding", "identity").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @AfterAll
  void stop() {
    if (console != null) {
      console.close();
    }
    if (profiles != null) {
      profiles.close();
      features.close();
    }
    if (stack != null) {
      stack.close();
    }
  }
}
