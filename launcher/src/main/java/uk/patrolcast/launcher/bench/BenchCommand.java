package uk.patrolcast.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.patrolcast.launcher.ConnectionOptions;
import uk.patrolcast.launcher.KnownSettings;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.http.HttpApi;

/**
 * {@code patrolcast bench}: cold replay and live months on the embedded stack, figures to
 * {@code OUT/bench.json} under the profile's name (other profiles already there are kept) and a short
 * summary on standard output.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the whole pipeline on a data directory: a cold replay of every month (wall time, records/s per "
          + "stage, peak resident size) and live months (each of the last N months dropped into the watched police folder; "
          + "seconds until its plan is committed).",
      "Figures go to OUT/bench.json under the profile's name."
    })
public final class BenchCommand implements Callable<Integer> {
  /** Profiles: the keys of bench.json. */
  enum BenchProfile { london, england_wales }

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory laid out like shared/data (or made by patrolcast generate).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "OUT", description = "Directory for bench.json (created if missing).")
  Path out;

  @Option(names = "--profile", defaultValue = "london", paramLabel = "NAME",
      description = "Key of the figures in bench.json: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  BenchProfile profile;

  @Option(names = "--live-months", defaultValue = "3", paramLabel = "N",
      description = "Live months to measure: the last N months of the data (default: ${DEFAULT-VALUE}; 0: none).")
  int liveMonths;

  @Option(names = "--live-from", paramLabel = "YYYY-MM",
      description = "Live months: the watched folder starts with the months from this one (default: all before the live months).")
  String liveFrom;

  @Option(names = "--no-cold", description = "Skip the cold replay.")
  boolean noCold;

  @Option(names = "--watch-interval", defaultValue = "1s", paramLabel = "DURATION",
      description = "How often ingest looks at the police folder in the live months (default: ${DEFAULT-VALUE}).")
  String watchInterval;

  @Option(names = "--timeout", defaultValue = "120", paramLabel = "MINUTES", description = "Give up each phase after this many minutes (default: ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with settings (default: DIR/patrolcast.properties when it exists, as patrolcast generate writes it).")
  Path configFile;

  @Option(names = "-D", paramLabel = "KEY=VALUE", description = "A setting (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (liveMonths < 0) {
      throw new IllegalArgumentException("--live-months must be 0 or more, not " + liveMonths);
    }
    if (timeoutMinutes < 1) {
      throw new IllegalArgumentException("--timeout must be at least 1 minute");
    }
    if (noCold && liveMonths == 0) {
      throw new IllegalArgumentException("Nothing to measure: --no-cold and --live-months 0");
    }
    if (liveFrom != null) {
      Months.parse(liveFrom);
    }
    KnownSettings.requireValidCommandLine(settings);
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException("Data directory " + data.toAbsolutePath() + " does not exist or is not a directory");
    }
    new DataLayout(data).requireInputs("police", "lsoa-universe");
    Files.createDirectories(out);
    Map<String, String> file = settingsFile();
    long timeout = TimeUnit.MINUTES.toNanos(timeoutMinutes);

    ObjectNode figures = HttpApi.JSON.createObjectNode();
    figures.put("data", data.toAbsolutePath().toString());
    MachineFacts.describe(figures.putObject("machine"));
    Path report = out.resolve("bench.json");
    // Written after each phase: a long run's cold figures survive a live phase that is stopped.
    if (!noCold) {
      figures.setAll(ColdReplay.run(data, file, settings, timeout));
      write(report, figures);
    }
    if (liveMonths > 0) {
      figures.set("live", LiveMonths.run(data, file, settings, liveMonths, liveFrom, watchInterval, timeout));
      figures.set("live_month_latency_s", figures.at("/live/live_month_latency_s"));
    }
    figures.put("cpu_s_total", MachineFacts.cpuSeconds());
    figures.put("peak_rss_mb_process", ResidentMemory.peakMb());
    write(report, figures);
    printSummary(spec.commandLine().getOut(), figures, report);
    return 0;
  }

  /** Puts the figures under the profile's key, keeping the other profiles'. */
  private void write(Path report, ObjectNode figures) throws IOException {
    ObjectNode all = Files.exists(report) ? (ObjectNode) HttpApi.JSON.readTree(report.toFile()) : HttpApi.JSON.createObjectNode();
    all.set(profile.name(), figures);
    HttpApi.JSON.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), all);
  }

  /** The --config file, or the generated directory's own settings. */
  private Map<String, String> settingsFile() {
    Path f = configFile;
    if (f == null && Files.isRegularFile(data.resolve(RunSettings.PROPERTIES))) {
      f = data.resolve(RunSettings.PROPERTIES);
    }
    return ConnectionOptions.settingsFile(f);
  }

  private void printSummary(PrintWriter o, JsonNode f, Path report) {
    o.printf("patrolcast bench (%s): %s%n", profile, f.get("data").asText());
    if (f.has("cold_replay_s")) {
      o.printf("  cold replay: %.1f s to the last %s of %s (%,d records; ingest %,d records/s, features %,d records/s); %s%n",
          f.get("cold_replay_s").asDouble(), f.get("measured_to").asText(), f.get("last_month").asText(),
          f.at("/records/accepted").asLong(), f.at("/records_per_s/ingest").asLong(), f.at("/records_per_s/features").asLong(),
          "CPU " + f.get("cpu_s").asText() + " s, load " + f.get("load_average_at_end").asText());
      o.printf("  stages done after (s): %s%n", f.get("stage_done_s"));
      o.printf("  peak resident size: %,d MB%n", f.get("peak_rss_mb").asLong());
    }
    if (f.has("live")) {
      JsonNode live = f.get("live");
      o.printf("  live months (to %s, watch interval %s): median %.2f s, max %.2f s; median per stage (s): %s%n",
          live.get("measured_to").asText(), live.get("watch_interval").asText(), live.at("/live_month_latency_s/median").asDouble(),
          live.at("/live_month_latency_s/max").asDouble(), live.get("stage_median_s"));
    }
    o.printf("  figures in %s%n", report.toAbsolutePath());
    o.flush();
  }
}
