package uk.patrolcast.features.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.features.FeatureConfig;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.features.bench.SyntheticCrimes;
import uk.patrolcast.features.bench.Universes;
import uk.patrolcast.platform.stack.LocalStack;

/**
 * A schema registry that cannot be reached while the feature stream meets its inputs' schema ids for
 * the first time: the service reaches the registry through a proxy that answers 503 for 70 s (longer
 * than the client's retries), right after the service starts. The stream threads fail and are
 * replaced instead of skipping the records, so once the registry answers every count is exact.
 */
class RegistryOutageIT {
  private static final Logger log = LoggerFactory.getLogger(RegistryOutageIT.class);
  private static final YearMonth FIRST = YearMonth.of(2020, 3);
  private static final int MONTHS = 4;

  @TempDir Path dir;

  @Test
  void recordsReadDuringARegistryOutageAreCountedOnceItAnswers() throws Exception {
    List<LsoaProfile> areas = Universes.grid(30, 5);
    SyntheticCrimes crimes = new SyntheticCrimes(areas, 90, 9);
    try (ItStack it = new ItStack()) {
      LocalStack stack = it.stack;
      Map<String, Integer> expected = it.publishMonths(areas, crimes, FIRST, MONTHS, "outage-input");
      AtomicBoolean down = new AtomicBoolean(false);
      AtomicInteger refused = new AtomicInteger();
      HttpServer proxy = proxy(stack.schemaRegistryUrl(), down, refused);
      try {
        Map<String, Object> settings = Map.of(
            "bootstrap.servers", stack.bootstrapServers(),
            "schema.registry.url", "http://127.0.0.1:" + proxy.getAddress().getPort(),
            "state.dir", dir.resolve("state").toString(),
            "patrolcast.mode", "run");
        try (FeatureService service = new FeatureService(new FeatureConfig(settings))) {
          service.start();
          down.set(true);
          long t0 = System.nanoTime();
          while (System.nanoTime() - t0 < 70_000_000_000L) {
            assertThat(service.alive()).as("alive during the outage: %s", service.status()).isTrue();
            Thread.sleep(1_000);
          }
          assertThat(service.watermark()).as("nothing complete while the registry is down").isNull();
          down.set(false);
          log.info("Registry back after 70 s; {} requests refused meanwhile", refused.get());
          String last = FIRST.plusMonths(MONTHS - 1).toString();
          await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
              .until(() -> last.equals(service.watermark()) || !service.alive());
          assertThat(service.alive()).as("status %s", service.status()).isTrue();
        }
      } finally {
        proxy.stop(0);
      }
      assertThat(refused.get()).as("requests refused during the outage").isPositive();
      Map<String, LsoaMonthFeatures> published = it.features();
      assertThat(published).hasSize(MONTHS * areas.size());
      published.forEach((key, row) -> assertThat(row.getCount()).as(key).isEqualTo(expected.getOrDefault(key, 0)));
    }
  }

  /** Forwards to the registry, or answers 503 while {@code down}. */
  private static HttpServer proxy(String target, AtomicBoolean down, AtomicInteger refused) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        if (down.get()) {
          refused.incrementAndGet();
          byte[] body = "{\"error_code\":50003,\"message\":\"registry down (test)\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(503, body.length);
          exchange.getResponseBody().write(body);
          return;
        }
        byte[] in;
        try (InputStream s = exchange.getRequestBody()) {
          in = s.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
            .method(exchange.getRequestMethod(), in.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(in));
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
          request.header("Content-Type", type);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
        byte[] out = response.body();
        exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
          exchange.getResponseBody().write(out);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
    return server;
  }
}
