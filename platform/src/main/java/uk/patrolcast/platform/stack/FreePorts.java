package uk.patrolcast.platform.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Ports on 127.0.0.1: a free one for tests, or a clear error when a chosen one is taken. */
public final class FreePorts {
  private FreePorts() {}

  /** A port that was free on 127.0.0.1 a moment ago. */
  public static int pick() {
    return pick(1)[0];
  }

  /**
   * {@code count} different ports that were free on 127.0.0.1 a moment ago, none of them in
   * {@code taken}. Each is held open until all are found: ports picked one after another, each
   * closed before the next, can come back equal (a broker then refuses a controller on its own port).
   */
  public static int[] pick(int count, int... taken) {
    List<ServerSocket> held = new ArrayList<>();
    int[] ports = new int[count];
    try {
      int found = 0;
      while (found < count) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        int port = socket.getLocalPort();
        if (IntStream.of(taken).noneMatch(t -> t == port)) {
          ports[found++] = port;
        }
      }
      return ports;
    } catch (IOException e) {
      throw new IllegalStateException("No free port on 127.0.0.1: " + e.getMessage(), e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a listening socket that accepted nothing
        }
      }
    }
  }

  /** Returns {@code port} if it can be bound on {@code host}; otherwise fails naming who wanted it. */
  public static int requireFree(String host, int port, String what) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " port " + port + " is not between 1 and 65535");
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return port;
    } catch (IOException e) {
      throw new IllegalStateException(
          what + " port " + port + " on " + host + " is already in use (choose another port, or stop what holds it)", e);
    }
  }

  public static int requireFree(int port, String what) {
    return requireFree("127.0.0.1", port, what);
  }
}
