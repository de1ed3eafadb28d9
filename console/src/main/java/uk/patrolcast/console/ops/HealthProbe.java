package uk.patrolcast.console.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.platform.http.HttpApi;

/**
 * Polls the health URLs of the services (configured as {@code url} or {@code name=url}) and reports
 * each one's HTTP status, state and latency.
 */
public final class HealthProbe {
  private final List<String[]> targets = new ArrayList<>();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public HealthProbe(List<String> urls) {
    for (String entry : urls) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      boolean named = eq > 0 && !e.substring(0, eq).contains("/");
      String url = named ? e.substring(eq + 1).trim() : e;
      URI.create(url);
      targets.add(new String[] {named ? e.substring(0, eq).trim() : url, url});
    }
  }

  public List<Map<String, Object>> probe() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String[] t : targets) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", t[0]);
      row.put("url", t[1]);
      long started = System.nanoTime();
      try {
        HttpResponse<String> r = client.send(
            HttpRequest.newBuilder(URI.create(t[1])).timeout(Duration.ofSeconds(3)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        row.put("status", r.statusCode());
        row.put("up", r.statusCode() / 100 == 2);
        row.put("body", parse(r.body()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        row.put("status", 0);
        row.put("up", false);
        row.put("error", "interrupted");
      } catch (Exception e) {
        row.put("status", 0);
        row.put("up", false);
        row.put("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
      row.put("millis", (System.nanoTime() - started) / 1_000_000);
      rows.add(row);
    }
    return rows;
  }

  private static Object parse(String body) {
    try {
      return HttpApi.JSON.readTree(body);
    } catch (Exception e) {
      return body.length() > 300 ? body.substring(0, 300) : body;
    }
  }
}
