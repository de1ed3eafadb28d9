package uk.patrolcast.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad options get one clear line and a non-zero exit, before anything starts. */
class CommandLineTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    CommandLine cli = Patrolcast.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"up", "run", "ingest", "features", "forecast", "allocate", "console", "watch", "topics", "stack", "registry"}) {
      Result r = run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Usage: patrolcast " + command);
    }
  }

  @Test
  void theRegistryRunsAloneBesideABrokerWithoutOne() {
    assertThat(run("stack", "--help").out()).contains("--no-registry");
    Result r = run("registry");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--bootstrap");
  }

  @Test
  void unknownMonthFormatIsRefused() {
    Result r = run("run", "--data", tmp.toString(), "--out", tmp.resolve("out").toString(), "--until", "2023-13");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'2023-13' is not a month");
  }

  @Test
  void missingDataDirectoryIsRefused() {
    Result r = run("run", "--data", tmp.resolve("nope").toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist");
  }

  @Test
  void dataDirectoryWithoutPoliceFilesIsRefused() {
    Result r = run("run", "--data", tmp.toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("lacks: police");
  }

  @Test
  void trainingCutOffAfterTheLastMonthIsRefused() {
    Result r = run("run", "--data", tmp.toString(), "--out", tmp.toString(), "--until", "2020-01", "--train-until", "2021-01");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--train-until 2021-01 is after --until 2020-01");
  }

  @Test
  void takenConsolePortIsRefused() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result r = run("up", "--port", Integer.toString(taken.getLocalPort()), "--state-dir", tmp.toString());
      assertThat(r.code()).isNotZero();
      assertThat(r.err()).contains("Console port " + taken.getLocalPort()).contains("already in use");
    }
  }

  @Test
  void missingRequiredOptionNamesIt() {
    Result r = run("run", "--data", tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--out=OUT'");
  }
}
