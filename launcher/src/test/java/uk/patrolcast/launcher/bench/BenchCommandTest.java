package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.patrolcast.launcher.Patrolcast;

class BenchCommandTest {
  @TempDir Path tmp;

  private String refused(String... args) {
    CommandLine cli = Patrolcast.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(args)).isEqualTo(2);
    return err.toString();
  }

  @Test
  void refusesWhatCannotBeMeasuredWithOneClearLine() {
    String out = tmp.resolve("out").toString();
    assertThat(refused("bench", "--data", tmp.toString(), "--out", out, "--live-months", "-1"))
        .contains("--live-months must be 0 or more");
    assertThat(refused("bench", "--data", tmp.toString(), "--out", out, "--no-cold", "--live-months", "0"))
        .contains("Nothing to measure");
    assertThat(refused("bench", "--data", tmp.resolve("missing").toString(), "--out", out))
        .contains("does not exist");
    assertThat(refused("bench", "--data", tmp.toString(), "--out", out, "--profile", "scotland"))
        .contains("scotland");
  }
}
