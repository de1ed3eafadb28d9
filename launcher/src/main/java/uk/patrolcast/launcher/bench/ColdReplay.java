package uk.patrolcast.launcher.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.features.FeatureService;
import uk.patrolcast.ingest.IngestMetrics;
import uk.patrolcast.launcher.PipelineRun;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.service.PatrolcastService;

/**
 * Cold replay: the whole data directory through every stage on a fresh embedded stack, as
 * {@code patrolcast run} does it; wall time to the last stage's finish of the last month, records
 * per second per stage, CPU seconds and the process's peak resident size.
 */
final class ColdReplay {
  private static final Logger log = LoggerFactory.getLogger(ColdReplay.class);

  private ColdReplay() {}

  /** Runs it and returns its figures. */
  static ObjectNode run(Path data, Map<String, String> file, Map<String, String> settings, long timeoutNanos) {
    ObjectNode figures = HttpApi.JSON.createObjectNode();
    Map<String, Object> commandLine = new HashMap<>(settings);
    commandLine.put(PipelineRun.MODE, "run");
    double cpuBefore = MachineFacts.cpuSeconds();
    long started = System.nanoTime();
    try (PipelineRun run = PipelineRun.start(data, file, commandLine, started)) {
      String last = run.ingest().lastInputMonth();
      if (last == null) {
        throw new IllegalArgumentException("No input months in " + data);
      }
      Map<String, Double> done = run.awaitMonth(last, started, started + timeoutNanos);
      long finished = System.nanoTime();
      figures.put("cold_replay_s", PipelineRun.seconds(started, finished));
      figures.put("last_month", last);
      figures.put("measured_to", run.plansPublished() ? "plan" : run.workingStages().get(run.workingStages().size() - 1).name());
      figures.set("stage_done_s", HttpApi.JSON.valueToTree(done));
      IngestMetrics m = run.ingest().metrics();
      ObjectNode rates = figures.putObject("records_per_s");
      rates.put("ingest", Math.round(m.recordsPerSecond()));
      for (PatrolcastService s : run.stages()) {
        if (s instanceof FeatureService features) {
          rates.put("features", Math.round(features.recordsPerSecond()));
        }
      }
      ObjectNode records = figures.putObject("records");
      records.put("read", m.rowsRead());
      records.put("accepted", m.accepted());
      records.put("rejected", m.rejected());
      figures.put("cpu_s", Math.round((MachineFacts.cpuSeconds() - cpuBefore) * 10) / 10.0);
      // Before the stack stops: everything still resident.
      figures.put("peak_rss_mb", ResidentMemory.peakMb());
      figures.put("rss_at_end_mb", ResidentMemory.currentMb());
      figures.put("load_average_at_end", MachineFacts.loadAverage());
      log.info("Cold replay to {}: {} s; stages done after {}", last, figures.get("cold_replay_s"), done);
    }
    return figures;
  }
}
