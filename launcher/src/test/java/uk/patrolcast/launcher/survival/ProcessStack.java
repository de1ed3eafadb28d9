package uk.patrolcast.launcher.survival;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.stack.FreePorts;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * The pipeline as separate processes, as deployed: {@code patrolcast stack} (broker and registry,
 * persistent in its state directory, on fixed ports so that a restart comes back where the clients
 * look) and each service in its own JVM, each with its own state directory and health port.
 */
final class ProcessStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProcessStack.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path dir;
  private final int kafkaPort;
  private final int registryPort;
  private final ChildJvm stack;
  /** The registry as its own process, or null when it runs inside the stack's. */
  private final ChildJvm registryProcess;
  private final Map<String, ChildJvm> services = new LinkedHashMap<>();
  private final Map<String, Integer> healthPorts = new LinkedHashMap<>();
  private RestartPolicy restartPolicy;

  ProcessStack(Path dir) throws IOException {
    this(dir, false);
  }

  /**
   * @param separateRegistry run the broker alone ({@code stack --no-registry}) and the registry as its
   *     own process ({@code patrolcast registry}), so that it can be killed and restarted alone
   */
  ProcessStack(Path dir, boolean separateRegistry) throws IOException {
    this.dir = dir;
    int port = FreePorts.pick();
    // The controller takes the next port: look for a free pair.
    while (!free(port + 1)) {
      port = FreePorts.pick();
    }
    kafkaPort = port;
    registryPort = FreePorts.pick(1, kafkaPort, kafkaPort + 1)[0];
    List<String> stackArgs = new ArrayList<>(List.of("stack", "--state-dir", dir.resolve("stack").toString(),
        "--kafka-port", Integer.toString(kafkaPort), "--registry-port", Integer.toString(registryPort)));
    if (separateRegistry) {
      stackArgs.add("--no-registry");
    }
    stack = new ChildJvm("stack", "768m", dir.resolve("logs"), stackArgs);
    registryProcess = separateRegistry ? new ChildJvm("registry", "256m", dir.resolve("logs"), List.of("registry",
        "--bootstrap", bootstrap(), "--registry-port", Integer.toString(registryPort))) : null;
  }

  private static boolean free(int port) {
    try {
      FreePorts.requireFree(port, "controller");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  String bootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  String registryUrl() {
    return "http://127.0.0.1:" + registryPort;
  }

  SchemaRegistry registry() {
    return new SchemaRegistryClient(registryUrl());
  }

  /** Starts (or restarts) the stack and waits until it says it is up. */
  void startStack(Duration timeout) throws Exception {
    startAndAwait(stack, "Stack is up", timeout);
  }

  /** Starts a process and waits until its log says {@code up} (again). */
  private static void startAndAwait(ChildJvm process, String up, Duration timeout) throws Exception {
    long before = count(process.logFile(), up);
    process.start();
    await(process.name() + " to be up", timeout, () -> count(process.logFile(), up) > before || !process.alive());
    if (!process.alive()) {
      throw new IllegalStateException("The " + process.name() + " process ended; see " + process.logFile());
    }
  }

  ChildJvm stack() {
    return stack;
  }

  /** Starts (or restarts, on the same port) the separate registry process and waits until it serves. */
  void startRegistry(Duration timeout) throws Exception {
    startAndAwait(registryProcess, "Registry is up", timeout);
  }

  /** The separate registry process (null when the registry runs inside the stack). */
  ChildJvm registryProcess() {
    return registryProcess;
  }

  /** Defines a service process: {@code patrolcast <command> --bootstrap .. --schema-registry .. --data .. -D ..}. */
  ChildJvm service(String command, String maxHeap, Path data, Map<String, String> settings) throws IOException {
    // Not one the stack or an earlier service was given: their processes may not have bound it yet.
    int[] given = IntStream.concat(IntStream.of(kafkaPort, kafkaPort + 1, registryPort),
        healthPorts.values().stream().mapToInt(Integer::intValue)).toArray();
    int health = FreePorts.pick(1, given)[0];
    List<String> args = new ArrayList<>(List.of(command, "--bootstrap", bootstrap(), "--schema-registry", registryUrl(),
        "--state-dir", dir.resolve("state-" + command).toString(), "--http-port", Integer.toString(health)));
    if (data != null) {
      args.addAll(List.of("--data", data.toString()));
    }
    settings.forEach((k, v) -> args.addAll(List.of("-D", k + "=" + v)));
    ChildJvm jvm = new ChildJvm(command, maxHeap, dir.resolve("logs"), args);
    services.put(command, jvm);
    healthPorts.put(command, health);
    return jvm;
  }

  /** Restarts these services whenever they end on their own (see {@link RestartPolicy}), until close. */
  RestartPolicy restartOnExit(List<ChildJvm> supervised) {
    restartPolicy = new RestartPolicy(supervised);
    return restartPolicy;
  }

  /** The service's own liveness answer (200: alive), or -1 when it does not answer (starting, killed). */
  int liveness(String command) {
    try {
      HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPorts.get(command) + "/health/live"))
          .timeout(Duration.ofSeconds(5)).build();
      return HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static long count(Path file, String text) {
    if (!Files.exists(file)) {
      return 0;
    }
    try (var lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains(text)).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** Polls a condition every half second until it holds; fails with {@code what} after the timeout. */
  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(500);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (restartPolicy != null) {
      restartPolicy.close();
    }
    List<ChildJvm> all = new ArrayList<>(services.values());
    java.util.Collections.reverse(all);
    for (ChildJvm s : all) {
      s.close(); // killed, and its temporary directory removed
    }
    if (registryProcess != null) {
      registryProcess.close();
    }
    stack.close();
    log.info("Process stack closed; logs in {}", dir.resolve("logs"));
  }
}
