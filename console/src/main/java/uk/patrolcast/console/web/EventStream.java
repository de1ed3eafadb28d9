package uk.patrolcast.console.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.http.HttpApi;

/**
 * Server-sent events to the browsers ({@code GET /api/events}): each connected page gets every
 * published event; a comment every 15 s keeps proxies from closing an idle stream. A page that
 * cannot keep up (its queue fills) is dropped and reconnects by itself (EventSource retries).
 */
public final class EventStream implements HttpHandler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventStream.class);
  private static final String CLOSE = "\u0000close";
  private static final long KEEPALIVE_MS = 15_000;

  private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean closed;

  /** Sends {@code event} with {@code data} as JSON to every connected page. */
  public void publish(String event, Object data) {
    String json;
    try {
      json = HttpApi.JSON.writeValueAsString(data);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write event " + event + ": " + e.getMessage(), e);
    }
    String frame = "id: " + ids.incrementAndGet() + "\nevent: " + event + "\ndata: " + json + "\n\n";
    for (BlockingQueue<String> q : clients) {
      if (!q.offer(frame)) {
        clients.remove(q);
        q.clear();
        q.offer(CLOSE);
      }
    }
  }

  public int clients() {
    return clients.size();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (closed) {
      exchange.sendResponseHeaders(503, -1);
      return;
    }
    BlockingQueue<String> queue = new ArrayBlockingQueue<>(256);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/event-stream; charset=utf-8");
    headers.set("Cache-Control", "no-cache");
    headers.set("X-Accel-Buffering", "no");
    exchange.sendResponseHeaders(200, 0);
    clients.add(queue);
    try (OutputStream out = exchange.getResponseBody()) {
      write(out, "retry: 3000\nevent: hello\ndata: {}\n\n");
      while (!closed) {
        String frame = queue.poll(KEEPALIVE_MS, TimeUnit.MILLISECONDS);
        if (CLOSE.equals(frame)) {
          break;
        }
        write(out, frame == null ? ": keepalive\n\n" : frame);
      }
    } catch (IOException e) {
      log.debug("event stream client went away: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      clients.remove(queue);
    }
  }

  private static void write(OutputStream out, String frame) throws IOException {
    out.write(frame.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    closed = true;
    for (BlockingQueue<String> q : clients) {
      q.clear();
      q.offer(CLOSE);
    }
  }
}
