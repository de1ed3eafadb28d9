package uk.patrolcast.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few police.uk API calls ingest needs, within its rules: every request takes a token from the
 * bucket; 429 waits for Retry-After (or backs off) and retries; other 5xx answers and I/O errors are
 * retried with exponential back-off; 503 on a street-crime query means "more than 10,000 crimes" and is
 * reported as {@link TooManyCrimes} so that the caller splits the polygon.
 */
public final class PoliceApiClient {
  private static final Logger log = LoggerFactory.getLogger(PoliceApiClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Longer GET URLs are sent as a POST form instead (the API accepts both). */
  static final int MAX_GET_URL = 4000;

  /** The polygon holds more crimes than the API returns at once (HTTP 503). */
  public static final class TooManyCrimes extends Exception {
    TooManyCrimes(String message) {
      super(message);
    }
  }

  /** The API answered in a way that retries will not fix (4xx other than 429, not JSON, retries used up). */
  public static final class ApiFailure extends Exception {
    ApiFailure(String message) {
      super(message);
    }
  }

  private final String baseUrl;
  private final HttpClient http;
  private final TokenBucket bucket;
  private final int maxRetries;
  private final Duration firstBackoff;
  private long requests;

  public PoliceApiClient(String baseUrl, TokenBucket bucket, int maxRetries, Duration firstBackoff) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.bucket = bucket;
    this.maxRetries = maxRetries;
    this.firstBackoff = firstBackoff;
  }

  /** {@code crime-last-updated}: the date police.uk last published crime data, as it gives it. */
  public String lastUpdated() throws ApiFailure, InterruptedException {
    JsonNode n = get(baseUrl + "/crime-last-updated");
    if (!n.hasNonNull("date")) {
      throw new ApiFailure("crime-last-updated answered without a date: " + n);
    }
    return n.get("date").asText();
  }

  /** {@code crimes-street-dates}: the months (YYYY-MM) street-level crimes are available for. */
  public List<String> streetDates() throws ApiFailure, InterruptedException {
    JsonNode n = get(baseUrl + "/crimes-street-dates");
    if (!n.isArray()) {
      throw new ApiFailure("crimes-street-dates did not answer with an array");
    }
    List<String> out = new ArrayList<>();
    n.forEach(d -> out.add(d.path("date").asText()));
    return out;
  }

  /** {@code crimes-street/burglary} within a polygon for one month: the crimes as the API gives them. */
  public JsonNode burglaries(String month, Polygon polygon) throws TooManyCrimes, ApiFailure, InterruptedException {
    String poly = poly(polygon);
    String query = "date=" + month + "&poly=" + URLEncoder.encode(poly, StandardCharsets.UTF_8);
    String url = baseUrl + "/crimes-street/burglary";
    HttpRequest.Builder request = url.length() + 1 + query.length() <= MAX_GET_URL
        ? HttpRequest.newBuilder(URI.create(url + "?" + query)).GET()
        : HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(query));
    return send(request, "crimes-street/burglary " + month, true);
  }

  public long requests() {
    return requests;
  }

  /** The {@code poly} parameter: {@code lat,lng:lat,lng:...} around the exterior ring (the API closes it). */
  static String poly(Polygon polygon) {
    Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < ring.length - 1; i++) {
      if (i > 0) {
        s.append(':');
      }
      s.append(String.format(Locale.ROOT, "%.6f,%.6f", ring[i].y, ring[i].x));
    }
    return s.toString();
  }

  private JsonNode get(String url) throws ApiFailure, InterruptedException {
    try {
      return send(HttpRequest.newBuilder(URI.create(url)).GET(), url, false);
    } catch (TooManyCrimes e) {
      throw new ApiFailure(url + " answered 503");
    }
  }

  private JsonNode send(HttpRequest.Builder request, String what, boolean splittable)
      throws TooManyCrimes, ApiFailure, InterruptedException {
    HttpRequest r = request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build();
    Duration backoff = firstBackoff;
    for (int attempt = 0; ; attempt++) {
      bucket.acquire();
      requests++;
      String problem;
      Duration wait = backoff;
      try {
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 200) {
          try {
            return JSON.readTree(response.body());
          } catch (IOException e) {
            throw new ApiFailure(what + ": the answer is not JSON: " + e.getMessage());
          }
        }
        if (status == 503 && splittable) {
          throw new TooManyCrimes(what + ": 503, more crimes than the API returns at once");
        }
        if (status == 429) {
          problem = "429 too many requests";
          wait = response.headers().firstValue("Retry-After").map(PoliceApiClient::retryAfter).orElse(backoff);
        } else if (status >= 500) {
          problem = "HTTP " + status;
        } else {
          throw new ApiFailure(what + ": HTTP " + status + " " + abbreviate(response.body()));
        }
      } catch (IOException e) {
        problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      if (attempt >= maxRetries) {
        throw new ApiFailure(what + ": " + problem + ", still after " + maxRetries + " retries");
      }
      log.info("police.uk API {}: {}; retrying in {} ms", what, problem, wait.toMillis());
      Thread.sleep(wait.toMillis());
      backoff = backoff.multipliedBy(2);
    }
  }

  static Duration retryAfter(String header) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(5);
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
