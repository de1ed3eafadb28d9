package uk.patrolcast.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JSON-over-HTTP server on the JDK's {@link HttpServer}: routes with path parameters
 * ({@code /subjects/{subject}/versions}), JSON errors in the Confluent shape
 * ({@code {"error_code": .., "message": ..}}), and raw handlers for anything else (static files,
 * server-sent events). Every Patrolcast HTTP endpoint is one of these, bound to 127.0.0.1 by default.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 16 << 20;

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes = new ArrayList<>();
  private final Map<String, HttpHandler> raw = new LinkedHashMap<>();

  /** Handles one request. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request) throws Exception;
  }

  private record Route(String method, String[] segments, Handler handler) {}

  private HttpApi(String name, HttpServer server, ExecutorService executor) {
    this.name = name;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts a server.
   *
   * @param host address to bind, normally 127.0.0.1
   * @param port port, 0 for a free one
   * @param name what the server is, for logs and errors
   */
  public static HttpApi start(String host, int port, String name) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (BindException e) {
      throw new IllegalStateException(
          name + ": port " + port + " on " + host + " is already in use (choose another with the port option)", e);
    } catch (IOException e) {
      throw new IllegalStateException(name + ": cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, name + "-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    HttpApi api = new HttpApi(name, server, executor);
    server.createContext("/", api::dispatch);
    server.start();
    log.info("{} listening on http://{}:{}", name, host, api.port());
    return api;
  }

  public HttpApi get(String pattern, Handler handler) {
    return route("GET", pattern, handler);
  }

  public HttpApi post(String pattern, Handler handler) {
    return route("POST", pattern, handler);
  }

  public HttpApi put(String pattern, Handler handler) {
    return route("PUT", pattern, handler);
  }

  public HttpApi delete(String pattern, Handler handler) {
    return route("DELETE", pattern, handler);
  }

  /** Adds a route; later routes with the same shape do not replace earlier ones. */
  public synchronized HttpApi route(String method, String pattern, Handler handler) {
    routes.add(new Route(method, split(pattern), handler));
    return this;
  }

  /** Hands every request under {@code prefix} to a raw JDK handler (static files, event streams). */
  public synchronized HttpApi raw(String prefix, HttpHandler handler) {
    raw.put(prefix, handler);
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String host() {
    return server.getAddress().getHostString();
  }

  /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    return "http://" + host() + ":" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      HttpHandler rawHandler = rawHandlerFor(path);
      if (rawHandler != null) {
        rawHandler.handle(exchange);
        return;
      }
      Response response;
      try {
        response = handle(exchange, path);
      } catch (HttpError e) {
        response = Response.error(e.status(), e.errorCode(), e.getMessage());
      } catch (IllegalArgumentException e) {
        response = Response.error(400, 400, e.getMessage());
      } catch (Exception e) {
        log.warn("{}: {} {} failed", name, exchange.getRequestMethod(), path, e);
        response = Response.error(500, 50001, name + " failed: " + e);
      }
      send(exchange, response);
    } catch (IOException e) {
      log.debug("{}: client went away: {}", name, e.toString());
    }
  }

  private synchronized HttpHandler rawHandlerFor(String path) {
    for (Map.Entry<String, HttpHandler> e : raw.entrySet()) {
      if (path.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private Response handle(HttpExchange exchange, String path) throws Exception {
    String[] segments = split(path);
    boolean pathMatched = false;
    List<Route> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(routes);
    }
    for (Route route : snapshot) {
      Map<String, String> params = match(route.segments(), segments);
      if (params == null) {
        continue;
      }
      pathMatched = true;
      if (!route.method().equalsIgnoreCase(exchange.getRequestMethod())) {
        continue;
      }
      Request request =
          new Request(
              exchange.getRequestMethod(),
              path,
              params,
              query(exchange.getRequestURI().getRawQuery()),
              readBody(exchange.getRequestBody()),
              exchange.getRequestHeaders());
      return route.handler().handle(request);
    }
    if (pathMatched) {
      return Response.error(405, 405, "Method " + exchange.getRequestMethod() + " not allowed on " + path);
    }
    return Response.error(404, 404, "No such endpoint: " + path);
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = response.body();
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new HttpError(413, 413, "Request body larger than " + MAX_BODY + " bytes");
    }
    return body;
  }

  private static String[] split(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
  }

  private static Map<String, String> match(String[] pattern, String[] path) {
    if (pattern.length != path.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      String value = URLDecoder.decode(path[i], StandardCharsets.UTF_8);
      if (p.startsWith("{") && p.endsWith("}")) {
        params.put(p.substring(1, p.length() - 1), value);
      } else if (!p.equals(value)) {
        return null;
      }
    }
    return params;
  }

  private static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> out = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /** An incoming request. */
  public record Request(
      String method,
      String path,
      Map<String, String> params,
      Map<String, List<String>> query,
      byte[] body,
      Headers headers) {

    public String param(String name) {
      return params.get(name);
    }

    /** The first value of a query parameter, or {@code fallback}. */
    public String query(String name, String fallback) {
      List<String> values = query.get(name);
      return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    /** The body as JSON; a 422 with a clear message when it is not. */
    public JsonNode json() {
      try {
        JsonNode node = JSON.readTree(body);
        if (node == null || node.isMissingNode()) {
          throw new HttpError(422, 422, "Request body is empty; a JSON object is expected");
        }
        return node;
      } catch (IOException e) {
        throw new HttpError(422, 422, "Request body is not JSON: " + e.getMessage());
      }
    }

    /** The bearer token of the Authorization header, or null. */
    public String bearerToken() {
      String auth = headers.getFirst("Authorization");
      return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }
  }

  /** A complete answer. */
  public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static Response json(int status, Object value) {
      try {
        return new Response(status, "application/json", JSON.writeValueAsBytes(value), Map.of());
      } catch (IOException e) {
        throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
      }
    }

    public static Response json(Object value) {
      return json(200, value);
    }

    public static Response text(int status, String contentType, String body) {
      return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response error(int status, int errorCode, String message) {
      ObjectNode body = JSON.createObjectNode().put("error_code", errorCode).put("message", message);
      return json(status, body);
    }

    public Response withHeader(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Response(status, contentType, body, all);
    }
  }

  /** Thrown by handlers to answer with an error status. */
  public static final class HttpError extends RuntimeException {
    private final int status;
    private final int errorCode;

    public HttpError(int status, int errorCode, String message) {
      super(message);
      this.status = status;
      this.errorCode = errorCode;
    }

    public int status() {
      return status;
    }

    public int errorCode() {
      return errorCode;
    }
  }
}
