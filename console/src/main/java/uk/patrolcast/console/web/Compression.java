package uk.patrolcast.console.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import uk.patrolcast.platform.http.HttpApi.Handler;
import uk.patrolcast.platform.http.HttpApi.Request;
import uk.patrolcast.platform.http.HttpApi.Response;

/** Gzips answers for browsers that accept it: per-area arrays and tables shrink three- to tenfold. */
public final class Compression {
  /** Smaller bodies are sent as they are: gzip would not pay for its header. */
  static final int MIN_BYTES = 1024;

  private Compression() {}

  /** Wraps a handler so that its answers are gzipped when the client accepts gzip. */
  public static Handler gzip(Handler handler) {
    return request -> compress(request, handler.handle(request));
  }

  public static boolean accepts(Request request) {
    String accept = request.headers().getFirst("Accept-Encoding");
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
  }

  static Response compress(Request request, Response response) {
    if (!accepts(request) || response.body().length < MIN_BYTES || response.headers().containsKey("Content-Encoding")) {
      return response;
    }
    return new Response(response.status(), response.contentType(), gzip(response.body()), response.headers())
        .withHeader("Content-Encoding", "gzip")
        .withHeader("Vary", "Accept-Encoding");
  }

  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 15)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
