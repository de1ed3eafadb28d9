package uk.patrolcast.launcher.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.ingest.IngestConfig;
import uk.patrolcast.launcher.PipelineRun;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.schemas.Topics;

/**
 * Live months: the system runs in {@code up} mode, warm and current to month t (every month but the
 * last N published to the police folder it watches, every stage done with t); then each of the last
 * N months is dropped into the folder as police.uk would publish it, and the time from the drop until
 * its result is committed is measured by a read_committed consumer: the CURRENT plan for that month
 * on {@code allocations.plan.v1}, or, while forecasts and plans are not built, the month's
 * {@code features.snapshot-ready.v1}. Each stage's finish of the month is noted too, to show where the
 * seconds go.
 */
final class LiveMonths {
  private static final Logger log = LoggerFactory.getLogger(LiveMonths.class);

  private LiveMonths() {}

  /**
   * @param liveFrom first month published before the live months (null: the first of the data); a
   *     shorter history warms up faster and leaves a live month's work unchanged but for its lags' reach
   */
  static ObjectNode run(Path data, Map<String, String> file, Map<String, String> settings, int liveMonths, String liveFrom,
      String watchInterval, long timeoutNanos) {
    Path folder;
    try {
      folder = Files.createTempDirectory("patrolcast-bench-police");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PoliceFolder police = new PoliceFolder(new DataLayout(data).police(), folder);
    try {
      return measure(data, file, settings, police, liveMonths, liveFrom, watchInterval, timeoutNanos);
    } finally {
      police.delete();
    }
  }

  private static ObjectNode measure(Path data, Map<String, String> file, Map<String, String> settings, PoliceFolder police,
      int liveMonths, String liveFrom, String watchInterval, long timeoutNanos) {
    List<String> months = police.months();
    if (liveFrom != null && !months.contains(liveFrom)) {
      throw new IllegalArgumentException("--live-from " + liveFrom + " is not a month of the police files (" + months.get(0)
          + " to " + months.get(months.size() - 1) + ")");
    }
    if (months.size() <= liveMonths) {
      throw new IllegalArgumentException("--live-months " + liveMonths + " needs more than " + liveMonths
          + " months of police files; found " + months.size());
    }
    String warm = months.get(months.size() - liveMonths - 1);
    List<String> live = months.subList(months.size() - liveMonths, months.size());
    if (liveFrom != null && liveFrom.compareTo(warm) > 0) {
      throw new IllegalArgumentException("--live-from " + liveFrom + " leaves no month before the live months (the last "
          + liveMonths + " from " + live.get(0) + ")");
    }
    police.publish(liveFrom, warm);

    Map<String, Object> commandLine = new HashMap<>(settings);
    commandLine.put(PipelineRun.MODE, "up");
    commandLine.put(IngestConfig.SOURCES, police.target().toString());
    commandLine.put(IngestConfig.WATCH_INTERVAL, watchInterval);
    ObjectNode figures = HttpApi.JSON.createObjectNode();
    long started = System.nanoTime();
    long deadline = started + timeoutNanos;
    try (PipelineRun run = PipelineRun.start(data, file, commandLine, started)) {
      Map<String, Double> warmDone = run.awaitMonth(warm, started, deadline);
      figures.put("warm_from", liveFrom == null ? months.get(0) : liveFrom);
      figures.put("warm_to", warm);
      figures.put("warm_up_s", PipelineRun.seconds(started, System.nanoTime()));
      figures.set("warm_stage_done_s", HttpApi.JSON.valueToTree(warmDone));
      figures.put("watch_interval", watchInterval);
      boolean plans = run.plansPublished();
      figures.put("measured_to", plans ? Topics.PLANS.name() : Topics.SNAPSHOT_READY.name());
      if (!plans) {
        log.warn("Forecasts and plans are not built yet: live months are measured to {}", Topics.SNAPSHOT_READY.name());
      }
      String bootstrap = run.stack().bootstrapServers();
      ArrayNode perMonth = figures.putArray("months");
      List<Double> latencies = new ArrayList<>();
      Map<String, List<Double>> stageSeconds = new LinkedHashMap<>();
      try (CommittedMonths<?> snapshots = CommittedMonths.start(bootstrap, run.registry(), Topics.SNAPSHOT_READY, r -> r.getMonth());
          CommittedMonths<?> currentPlans = CommittedMonths.start(bootstrap, run.registry(), Topics.PLANS,
              p -> p.getKind() == PlanKind.CURRENT ? p.getOriginMonth() : null);
          // The forecasts' SHAP drivers follow the plan in their own transaction (forecast-service README).
          CommittedMonths<?> explained = plans ? CommittedMonths.start(bootstrap, run.registry(), Topics.LSOA_FORECASTS,
              f -> f.getDrivers().isEmpty() ? null : f.getOriginMonth()) : null) {
        if (explained != null) {
          // "Warm and current to month t": t's explanations are out too, as they would be long before
          // police.uk publishes the next month.
          explained.await(warm, deadline);
        }
        for (String month : live) {
          long drop = System.nanoTime();
          police.publish(month);
          Map<String, Double> done = run.awaitMonth(month, drop, deadline);
          double snapshot = PipelineRun.seconds(drop, snapshots.await(month, deadline));
          double latency = plans ? PipelineRun.seconds(drop, currentPlans.await(month, deadline)) : snapshot;
          latencies.add(latency);
          ObjectNode m = perMonth.addObject();
          m.put("month", month);
          m.put("latency_s", latency);
          m.put("snapshot_ready_committed_s", snapshot);
          m.set("stage_done_s", HttpApi.JSON.valueToTree(done));
          ObjectNode share = m.putObject("stage_s");
          double previous = 0;
          for (Map.Entry<String, Double> e : done.entrySet()) {
            double own = Math.max(0, Math.round((e.getValue() - previous) * 1000) / 1000.0);
            share.put(e.getKey(), own);
            stageSeconds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(own);
            previous = Math.max(previous, e.getValue());
          }
          if (explained != null) {
            // Then wait for them before the next drop (see above), and note when they came.
            m.put("drivers_committed_s", PipelineRun.seconds(drop, explained.await(month, deadline)));
          }
          m.put("load_average", MachineFacts.loadAverage());
          log.info("Live month {}: {} s from the drop to {} ({})", month, latency, figures.get("measured_to").asText(), done);
        }
      }
      Latencies all = new Latencies(latencies);
      ObjectNode summary = figures.putObject("live_month_latency_s");
      summary.put("median", all.median());
      summary.put("max", all.max());
      ObjectNode where = figures.putObject("stage_median_s");
      stageSeconds.forEach((stage, s) -> where.put(stage, new Latencies(s).median()));
    }
    return figures;
  }
}
