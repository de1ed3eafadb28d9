package uk.patrolcast.console.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.http.HttpApi.Response;

/**
 * The pages bundled at build time ({@code static/} on the classpath: index.html, app.js, app.css),
 * held in memory plain and gzipped, served with an ETag so that a reload costs a 304.
 */
public final class StaticAssets implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(StaticAssets.class);
  public static final List<String> FILES = List.of("index.html", "app.js", "app.css");

  /** Pages may load only their own scripts, styles and data: no CDN, no inline script. */
  public static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
          + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  private record Asset(String contentType, byte[] plain, byte[] gzipped, String etag) {}

  private final Map<String, Asset> assets = new LinkedHashMap<>();

  public StaticAssets() {
    for (String name : FILES) {
      try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("static/" + name)) {
        if (in == null) {
          log.warn("Console page file static/{} is missing: build the module with Maven to bundle the pages", name);
          continue;
        }
        byte[] plain = in.readAllBytes();
        assets.put(name, new Asset(type(name), plain, Compression.gzip(plain), "\"" + hash(plain) + "\""));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read static/" + name + ": " + e.getMessage(), e);
      }
    }
  }

  public boolean built() {
    return assets.containsKey("index.html") && assets.containsKey("app.js");
  }

  /** The page shell, or a plain explanation when the pages were not bundled. */
  public Response index() {
    Asset a = assets.get("index.html");
    Response r = a == null
        ? Response.text(503, "text/plain; charset=utf-8",
            "The console pages were not bundled into this build (run mvn -pl console -am package).")
        : new Response(200, a.contentType(), a.plain(), Map.of("Cache-Control", "no-cache"));
    for (Map.Entry<String, String> h : SECURITY_HEADERS.entrySet()) {
      r = r.withHeader(h.getKey(), h.getValue());
    }
    return r;
  }

  /** Serves {@code /assets/<file>}. */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    Asset a = assets.get(name);
    var headers = exchange.getResponseHeaders();
    SECURITY_HEADERS.forEach(headers::set);
    if (a == null || "index.html".equals(name) || !("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod()))) {
      byte[] body = ("No such asset: " + path).getBytes(StandardCharsets.UTF_8);
      headers.set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      return;
    }
    headers.set("ETag", a.etag());
    headers.set("Cache-Control", "no-cache");
    headers.set("Vary", "Accept-Encoding");
    if (a.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    boolean gzip = accept != null && accept.contains("gzip");
    byte[] body = gzip ? a.gzipped() : a.plain();
    headers.set("Content-Type", a.contentType());
    if (gzip) {
      headers.set("Content-Encoding", "gzip");
    }
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String type(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return name.endsWith(".css") ? "text/css; charset=utf-8" : "application/octet-stream";
  }

  private static String hash(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
