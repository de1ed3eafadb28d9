package uk.patrolcast.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import uk.patrolcast.ingest.reference.GeoJsonFeatures;
import uk.patrolcast.ingest.reference.LsoaBoundaries;

/**
 * A local stand-in for the police.uk API (JDK HttpServer on 127.0.0.1) answering in its documented
 * JSON shapes: {@code crime-last-updated}, {@code crimes-street-dates} and {@code crimes-street/burglary}
 * by {@code poly} (GET query or POST form), with 503 for a polygon holding more than
 * {@link #maxPerPolygon} crimes, and 429 / 500 / 400 on demand. It records every request.
 */
final class PoliceApiStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Crime(long id, String persistentId, String month, double lat, double lon, String street) {}

  final HttpServer server;
  volatile String lastUpdated = "2024-04-01T00:00:00";
  volatile List<String> dates = List.of("2024-03", "2024-02", "2024-01");
  final List<Crime> crimes = new CopyOnWriteArrayList<>();
  volatile int maxPerPolygon = 10_000;
  final AtomicInteger throttleNext = new AtomicInteger();
  final AtomicInteger failNext = new AtomicInteger();
  /** Polygons (by their first vertex) answered 400. */
  final Set<String> refusedPolys = ConcurrentHashMap.newKeySet();
  final List<Long> requestNanos = Collections.synchronizedList(new ArrayList<>());
  final List<String> paths = Collections.synchronizedList(new ArrayList<>());
  final List<String> polys = Collections.synchronizedList(new ArrayList<>());
  final List<String> requestedMonths = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger posts = new AtomicInteger();

  PoliceApiStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/api/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  private void handle(HttpExchange ex) throws IOException {
    requestNanos.add(System.nanoTime());
    String path = ex.getRequestURI().getPath().substring("/api".length());
    paths.add(path);
    try (ex) {
      if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        ex.getResponseHeaders().add("Retry-After", "1");
        send(ex, 429, "{\"error\":\"rate limited\"}");
        return;
      }
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        send(ex, 500, "oops");
        return;
      }
      switch (path) {
        case "/crime-last-updated" -> send(ex, 200, "{\"date\":\"" + lastUpdated + "\"}");
        case "/crimes-street-dates" -> {
          ArrayNode a = JSON.createArrayNode();
          dates.forEach(d -> a.addObject().put("date", d).putArray("stop-and-search").add("metropolitan"));
          send(ex, 200, a.toString());
        }
        case "/crimes-street/burglary" -> burglaries(ex);
        default -> send(ex, 404, "{}");
      }
    }
  }

  private void burglaries(HttpExchange ex) throws IOException {
    String query = ex.getRequestURI().getRawQuery();
    if ("POST".equals(ex.getRequestMethod())) {
      posts.incrementAndGet();
      query = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> params = new HashMap<>();
    for (String kv : query == null ? new String[0] : query.split("&")) {
      int eq = kv.indexOf('=');
      params.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    String poly = params.get("poly");
    polys.add(poly);
    requestedMonths.add(params.get("date"));
    if (poly == null || params.get("date") == null) {
      send(ex, 400, "{\"error\":\"poly and date required\"}");
      return;
    }
    if (refusedPolys.stream().anyMatch(poly::startsWith)) {
      send(ex, 400, "{\"error\":\"refused\"}");
      return;
    }
    Polygon polygon = polygon(poly);
    List<Crime> inside = crimes.stream()
        .filter(c -> c.month().equals(params.get("date")) && polygon.covers(LsoaBoundaries.point(c.lon(), c.lat())))
        .toList();
    if (inside.size() > maxPerPolygon) {
      send(ex, 503, "");
      return;
    }
    ArrayNode out = JSON.createArrayNode();
    for (Crime c : inside) {
      ObjectNode o = out.addObject();
      o.put("category", "burglary").put("location_type", "Force");
      ObjectNode loc = o.putObject("location");
      loc.put("latitude", String.format(java.util.Locale.ROOT, "%.6f", c.lat()));
      loc.putObject("street").put("id", 1000 + c.id()).put("name", c.street());
      loc.put("longitude", String.format(java.util.Locale.ROOT, "%.6f", c.lon()));
      o.put("context", "");
      o.putObject("outcome_status").put("category", "Under investigation").put("date", c.month());
      o.put("persistent_id", c.persistentId());
      o.put("id", c.id());
      o.put("location_subtype", "");
      o.put("month", c.month());
    }
    send(ex, 200, out.toString());
  }

  static Polygon polygon(String poly) {
    List<Coordinate> cs = new ArrayList<>();
    for (String pair : poly.split(":")) {
      String[] ll = pair.split(",");
      cs.add(new Coordinate(Double.parseDouble(ll[1]), Double.parseDouble(ll[0])));
    }
    cs.add(cs.get(0));
    return GeoJsonFeatures.GEOMETRY.createPolygon(cs.toArray(new Coordinate[0]));
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
  }

  long burglaryRequests() {
    return paths.stream().filter(p -> p.equals("/crimes-street/burglary")).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
