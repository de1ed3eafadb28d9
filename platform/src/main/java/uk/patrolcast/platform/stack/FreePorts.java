package uk.patrolcast.platform.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1: a free one for tests, or a clear error when a chosen one is taken. */
public final class FreePorts {
  private FreePorts() {}

  /** A port that was free on 127.0.0.1 a moment ago. */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port on 127.0.0.1: " + e.getMessage(), e);
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
