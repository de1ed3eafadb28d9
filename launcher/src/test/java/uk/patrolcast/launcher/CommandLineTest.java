package uk.patrolcast.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.patrolcast.launcher.CommandLineRun.run;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.launcher.CommandLineRun.Result;

/** Bad options get one clear line and a non-zero exit, before anything starts. */
class CommandLineTest {
  @TempDir Path tmp;

  @Test
  void everyCommandHasHelp() {
    Set<String> commands = Patrolcast.commandLine().getSubcommands().keySet();
    assertThat(commands).contains("up", "run", "ingest", "features", "forecast", "allocate", "console", "watch", "topics", "stack",
        "registry", "bench", "generate");
    for (String command : commands) {
      Result r = run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Usage: patrolcast " + command).doesNotContain("null");
    }
  }

  /**
   * Picocli wraps each element of a description on its own and starts the next on a new line, so an
   * element that stops mid-sentence prints a sentence broken across lines.
   */
  @Test
  void descriptionsBreakOnlyBetweenSentences() {
    Patrolcast.commandLine().getSubcommands().forEach((name, cli) -> {
      String[] description = cli.getCommandSpec().usageMessage().description();
      for (int i = 0; i < description.length - 1; i++) {
        assertThat(description[i]).as(name + " description line " + (i + 1)).matches("(?s)(.*[.:)])?");
      }
    });
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

  /** Commands pointed at a cluster check it answers before anything else (KafkaClusterIT: the unreachable case). */
  @Test
  void aKafkaAddressThatCannotBeUsedIsNamedAtOnce() {
    String address = "no-such-host.invalid:9092";
    for (String[] args : List.of(
        new String[] {"watch", "plans", "--bootstrap", address},
        new String[] {"topics", "--create", "--bootstrap", address},
        new String[] {"ingest", "--bootstrap", address, "--state-dir", tmp.toString()})) {
      Result r = run(args);
      assertThat(r.code()).as(args[0]).isEqualTo(1);
      assertThat(r.err()).as(args[0]).contains("patrolcast " + args[0] + ": Cannot use the Kafka address " + address);
    }
  }

  /** A misspelt setting was ignored without a word, so the command ran with the default; now it is refused first. */
  @Test
  void anUnknownSettingIsRefusedWithTheKeyItWasMeantToBe() throws Exception {
    Result r = run("run", "--data", tmp.toString(), "--out", tmp.resolve("out").toString(), "-D", "forecst.params=eta=0.2",
        "-D", "forecast.params=eta=0.2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown setting in -D: 'forecst.params' (did you mean 'forecast.params'?)");
    assertThat(tmp.resolve("out")).doesNotExist();

    Result service = run("allocate", "--state-dir", tmp.toString(), "-D", "allocator.budget.hours.per.day.per.lsao=1.6", "-D", "no.such.thing=1");
    assertThat(service.code()).isEqualTo(2);
    assertThat(service.err()).contains("'allocator.budget.hours.per.day.per.lsao' (did you mean 'allocator.budget.hours.per.day.per.lsoa'?)")
        .contains("'no.such.thing'").doesNotContain("'no.such.thing' (did you mean");

    java.nio.file.Path file = java.nio.file.Files.writeString(tmp.resolve("patrolcast.properties"), "bootstrap.server=127.0.0.1:9092\n");
    Result fromFile = run("watch", "plans", "--config", file.toString());
    assertThat(fromFile.code()).isEqualTo(2);
    assertThat(fromFile.err()).contains("Unknown setting in config file " + file + ": 'bootstrap.server' (did you mean 'bootstrap.servers'?)");

    // A value its key's type or validator refuses is refused before the stack starts, not after broker and ingest.
    Result badValue = run("run", "--data", tmp.toString(), "--out", tmp.resolve("out").toString(), "-D", "forecast.params=etaa=0.2");
    assertThat(badValue.code()).isEqualTo(2);
    assertThat(badValue.err()).contains("Invalid setting in -D: Invalid value [etaa=0.2] for configuration forecast.params: etaa=0.2: expected key=value");
    Result badType = run("run", "--data", tmp.toString(), "--out", tmp.resolve("out").toString(), "-D", "forecast.threads=two");
    assertThat(badType.code()).isEqualTo(2);
    assertThat(badType.err()).contains("Invalid setting in -D: Invalid value two for configuration forecast.threads");
    assertThat(tmp.resolve("out")).doesNotExist();

    // PATROLCAST_* variables are checked the same way (other variables, and ones naming no key, are not settings).
    java.util.Map<String, String> environment = KnownSettings.fromEnvironment(java.util.Map.of("PATROLCAST_FORECAST_THREADS", "two",
        "PATROLCAST_LOG_LEVEL", "DEBUG", "PATROLCAST_NATIVE_CACHE", "/var/cache", "HOME", "/root"));
    assertThat(environment).containsExactly(java.util.Map.entry("forecast.threads", "two"));
    assertThatThrownBy(() -> KnownSettings.requireValid(environment, KnownSettings.ENVIRONMENT))
        .hasMessageStartingWith("Invalid setting in the environment (PATROLCAST_ + the key in upper case, _ for .): Invalid value two "
            + "for configuration forecast.threads");

    // Every key a service defines passes, whichever service reads it.
    KnownSettings.requireValid(java.util.Map.of("forecast.params", "eta=0.2,max_depth=6", "allocator.budget.hours.per.day.per.lsoa", "1.6",
        "console.token", "t", "patrolcast.mode", "run", "ingest.until", "2020-01", "forecast.train.until", "2019-01",
        "state.dir", tmp.toString()), "-D");
  }

  @Test
  void missingRequiredOptionNamesIt() {
    Result r = run("run", "--data", tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--out=OUT'");
  }
}
