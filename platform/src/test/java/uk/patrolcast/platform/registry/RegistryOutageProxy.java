package uk.patrolcast.platform.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry that can be made unreachable: an HTTP proxy on 127.0.0.1 that forwards to the
 * real registry, or answers 503 to every call while {@link #down(boolean) down}, as a registry that
 * is restarting does. Services under test are pointed at {@link #url()}.
 */
public final class RegistryOutageProxy implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean down;

  /** A proxy to the registry at {@code target}, down from the start if {@code down}. */
  public RegistryOutageProxy(String target, boolean down) throws IOException {
    this.down = down;
    HttpClient client = HttpClient.newHttpClient();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        if (this.down) {
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
  }

  /** The registry URL to give the services under test. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Refuse every call (true) or forward again (false). */
  public void down(boolean down) {
    this.down = down;
  }

  /** Calls answered 503 so far. */
  public int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
