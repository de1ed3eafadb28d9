package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import uk.patrolcast.ingest.api.PoliceApiClient;
import uk.patrolcast.ingest.api.TokenBucket;

/** The API client against a local stub: rate limit, 429 with Retry-After, transient errors, 503, long polygons. */
class PoliceApiClientTest {
  PoliceApiStub stub;

  @BeforeEach
  void start() throws Exception {
    stub = new PoliceApiStub();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  PoliceApiClient client(double rate, int burst) {
    return new PoliceApiClient(stub.baseUrl(), new TokenBucket(rate, burst), 3, Duration.ofMillis(20));
  }

  @Test
  void requestsStayWithinTheRateAndBurst() throws Exception {
    double rate = 20;
    int burst = 5;
    PoliceApiClient c = client(rate, burst);
    for (int i = 0; i < 25; i++) {
      c.lastUpdated();
    }
    List<Long> t = new ArrayList<>(stub.requestNanos);
    assertThat(t).hasSize(25);
    // After the burst, request i cannot come before (i - burst + 1) / rate seconds from the first.
    for (int i = burst; i < t.size(); i++) {
      double since = (t.get(i) - t.get(0)) / 1e9;
      assertThat(since).as("request %d", i).isGreaterThanOrEqualTo((i - burst + 1) / rate - 0.01);
    }
    // In any window of one second there are at most rate + burst requests.
    for (int i = 0; i < t.size(); i++) {
      int j = i;
      while (j < t.size() && t.get(j) - t.get(i) < 1_000_000_000L) {
        j++;
      }
      assertThat(j - i).isLessThanOrEqualTo((int) rate + burst);
    }
  }

  @Test
  void a429WaitsForRetryAfterAndRetries() throws Exception {
    stub.throttleNext.set(2);
    long started = System.nanoTime();
    assertThat(client(15, 30).lastUpdated()).isEqualTo("2024-04-01T00:00:00");
    assertThat((System.nanoTime() - started) / 1e9).isGreaterThanOrEqualTo(2.0);
    assertThat(stub.paths).hasSize(3);
  }

  @Test
  void transientErrorsAreRetriedAndGivenUpAfterTheLimit() throws Exception {
    stub.failNext.set(2);
    assertThat(client(15, 30).streetDates()).containsExactly("2024-03", "2024-02", "2024-01");
    stub.failNext.set(10);
    assertThatThrownBy(() -> client(15, 30).lastUpdated()).isInstanceOf(PoliceApiClient.ApiFailure.class)
        .hasMessageContaining("HTTP 500").hasMessageContaining("3 retries");
  }

  @Test
  void a503AsksTheCallerToSplitAndALongPolygonIsPosted() throws Exception {
    stub.crimes.add(new PoliceApiStub.Crime(1, "p1", "2024-03", 51.505, -0.115, "On or near A"));
    stub.crimes.add(new PoliceApiStub.Crime(2, "p2", "2024-03", 51.506, -0.116, "On or near B"));
    Polygon square = TinyLondon.square(-0.12, 51.50).getFactory().createPolygon(TinyLondon.square(-0.12, 51.50).getCoordinates());
    PoliceApiClient c = client(15, 30);
    assertThat(c.burglaries("2024-03", square)).hasSize(2);
    stub.maxPerPolygon = 1;
    assertThatThrownBy(() -> c.burglaries("2024-03", square)).isInstanceOf(PoliceApiClient.TooManyCrimes.class);

    stub.maxPerPolygon = 10;
    Polygon detailed = (Polygon) square.buffer(0.001, 400); // thousands of vertices: too long for a GET URL
    assertThat(c.burglaries("2024-03", detailed)).hasSize(2);
    assertThat(stub.posts.get()).isEqualTo(1);
  }

  @Test
  void theBucketRefillsAtItsRate() {
    long[] now = {0};
    TokenBucket bucket = uk.patrolcast.ingest.api.TokenBucketAccess.withClock(15, 30, () -> now[0]);
    assertThat(takeAll(bucket)).isEqualTo(30);
    now[0] += 1_000_000_000L;
    assertThat(takeAll(bucket)).isEqualTo(15);
    now[0] += 10_000_000_000L;
    assertThat(takeAll(bucket)).as("never more than the burst").isEqualTo(30);
  }

  static int takeAll(TokenBucket bucket) {
    int n = 0;
    while (uk.patrolcast.ingest.api.TokenBucketAccess.tryAcquire(bucket) == 0) {
      n++;
    }
    return n;
  }
}
