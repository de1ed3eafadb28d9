package uk.patrolcast.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.allocator.solve.OrToolsNatives;
import uk.patrolcast.platform.stack.FreePorts;

/** {@code patrolcast up} serves until it is told to stop (SIGTERM, as Ctrl-C does), then stops cleanly. */
class UpCommandIT {
  @TempDir Path state;

  @Test
  void servesUntilStoppedThenShutsDownCleanly() throws Exception {
    Path jar = Path.of("target/patrolcast.jar");
    assumeTrue(Files.exists(jar), "launcher jar not built (run mvn package)");
    int[] ports = FreePorts.pick(2);
    int console = ports[0];
    int health = ports[1];
    Process up = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
            // the build's native-library cache (see OrToolsNatives), not the user's
            "-D" + OrToolsNatives.CACHE_PROPERTY + "=" + System.getProperty(OrToolsNatives.CACHE_PROPERTY, "target/native-cache"),
            "-jar", jar.toString(),
            "up", "--kafka-port", "0", "--registry-port", "0", "--port", Integer.toString(console),
            "--health-port", Integer.toString(health), "--state-dir", state.toString()))
        .redirectErrorStream(true)
        .start();
    StringBuilder output = new StringBuilder();
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          synchronized (output) {
            output.append(line).append('\n');
          }
        }
      } catch (Exception ignored) {
        // process ended
      }
    });
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!text(output).contains("Press Ctrl-C to stop.") && up.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(text(output)).as("output so far:%n%s", text(output)).contains("Patrolcast is up.");
      // Services become ready once they have caught up with their topics: wait for it.
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health + "/health/ready"))
          .timeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> ready = http.send(readiness, HttpResponse.BodyHandlers.ofString());
      long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (ready.statusCode() != 200 && System.nanoTime() < readyBy) {
        Thread.sleep(500);
        ready = http.send(readiness, HttpResponse.BodyHandlers.ofString());
      }
      assertThat(ready.statusCode()).as("readiness: %s", ready.body()).isEqualTo(200);
      assertThat(ready.body()).contains("\"ingest\"").contains("\"console\"");
      HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health + "/health/live")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
      // The console's Operations page shows the pipeline's health endpoint (wired by up, not configured by hand).
      HttpRequest ops = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console + "/api/ops")).timeout(Duration.ofSeconds(10)).build();
      String opsBody = "";
      long opsBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!opsBody.contains("\"pipeline\"") && System.nanoTime() < opsBy) {
        opsBody = http.send(ops, HttpResponse.BodyHandlers.ofString()).body();
        if (!opsBody.contains("\"pipeline\"")) {
          Thread.sleep(500);
        }
      }
      assertThat(opsBody).contains("\"pipeline\"").contains("127.0.0.1:" + health + "/health/ready");
    } finally {
      // SIGTERM (what a supervisor or `docker stop` sends; Ctrl-C's SIGINT runs the same shutdown
      // hook). Not SIGINT: a process started in the background of a non-interactive shell inherits
      // SIGINT ignored, the JVM then installs no handler for it, and this test would depend on how
      // the build was launched (it failed that way when CI was started with `nohup ... &`).
      new ProcessBuilder("kill", "-TERM", Long.toString(up.pid())).inheritIO().start().waitFor();
      boolean ended = up.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        up.destroyForcibly();
      }
      reader.get(10, TimeUnit.SECONDS);
      // The output, whatever happened, for a failure to be read.
      Files.writeString(Path.of("target/up-command-it.log"), text(output) + (ended ? "\nexit " + up.exitValue() : "\nnot stopped"));
      assertThat(ended).as("stopped within 60 s").isTrue();
      assertThat(up.exitValue()).as("exit code after SIGTERM; output:%n%s", text(output)).isIn(0, 130, 143);
    }
    assertThat(text(output)).contains("patrolcast stopped cleanly").doesNotContain("Exception");
    assertThat(state.resolve("stack/kafka/meta.properties")).exists();
  }

  private static String text(StringBuilder b) {
    synchronized (b) {
      return b.toString();
    }
  }
}
