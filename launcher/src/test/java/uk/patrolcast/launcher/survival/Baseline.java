package uk.patrolcast.launcher.survival;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.allocator.AllocationCsv;
import uk.patrolcast.features.FeatureCsv;
import uk.patrolcast.ingest.IngestOutputs;
import uk.patrolcast.schemas.Topics;

/**
 * The reference the failure tests compare with: the same reduced data directory through the same
 * processes with nothing killed, and what it left on the topics and in the output files.
 */
record Baseline(Map<String, String> features, Map<String, String> snapshots, Map<String, String> monthsClosed,
    Map<String, String> forecasts, Map<String, String> plans, Path out, Map<String, Integer> totals) {
  private static final Logger log = LoggerFactory.getLogger(Baseline.class);

  /**
   * Fields left out of every comparison, besides timestamps. {@code snapshotRevision},
   * {@code monthRevision} and {@code revision}: counters of how many times a month was published or
   * corrected, which depend on when a correction arrived relative to the processing (the runs with
   * failures see a month first as published, then corrected); each test checks them separately where
   * they have a defined value. {@code cause} (SnapshotReady): why the latest publication happened
   * (CLOSED the first time, CORRECTED or EARLIER_MONTH_CORRECTED after a correction), the same history.
   */
  static final Set<String> REVISIONS = Set.of("snapshotRevision", "monthRevision", "revision", "cause");

  static Baseline of(ProcessStack p, Path out) throws Exception {
    Map<String, String> features = TopicContents.latest(p.bootstrap(), p.registry(), Topics.FEATURES, REVISIONS);
    Map<String, String> snapshots = TopicContents.latest(p.bootstrap(), p.registry(), Topics.SNAPSHOT_READY, REVISIONS);
    Map<String, String> closed = TopicContents.latest(p.bootstrap(), p.registry(), Topics.MONTH_CLOSED, REVISIONS);
    Map<String, String> forecasts = TopicContents.latest(p.bootstrap(), p.registry(), Topics.LSOA_FORECASTS, REVISIONS);
    Map<String, String> plans = TopicContents.latest(p.bootstrap(), p.registry(), Topics.PLANS, REVISIONS);
    Map<String, Integer> totals = new java.util.TreeMap<>();
    uk.patrolcast.platform.kafka.TopicReader.latest(p.bootstrap(), p.registry(), Topics.SNAPSHOT_READY)
        .forEach((k, v) -> totals.put(v.getMonth(), v.getTotalCount()));
    writeFiles(p, out);
    log.info("Outputs of {} in {}: {} feature rows, {} months, {} forecasts, {} plans", p, out, features.size(), totals.size(),
        forecasts.size(), plans.size());
    return new Baseline(features, snapshots, closed, forecasts, plans, out, totals);
  }

  /** The files {@code patrolcast run} writes, from the topics, with the run's own writers. */
  static void writeFiles(ProcessStack p, Path out) throws Exception {
    FeatureCsv.write(p.bootstrap(), p.registry(), out.resolve("features.csv"));
    IngestOutputs.writeRejected(p.bootstrap(), p.registry(), out);
    AllocationCsv.write(p.bootstrap(), p.registry(), out);
  }

  /** Starts ingest, features, forecast (when it is implemented) and allocate on the stack, in flow order. */
  static List<ChildJvm> services(ProcessStack p, Path data, YearMonth trainUntil, Map<String, String> ingestSettings) throws Exception {
    ChildJvm ingest = p.service("ingest", "512m", data, ingestSettings);
    ChildJvm features = p.service("features", "768m", null, Map.of("patrolcast.mode", "run"));
    ChildJvm allocate = p.service("allocate", "512m", null, Map.of("patrolcast.mode", "run"));
    List<ChildJvm> all = new java.util.ArrayList<>(List.of(ingest, features));
    if (ForecastStage.implemented()) {
      all.add(p.service("forecast", "1g", data, Map.of("patrolcast.mode", "run", "forecast.train.until", trainUntil.toString())));
    }
    all.add(allocate);
    for (ChildJvm s : all) {
      s.start();
    }
    return all;
  }

  static Duration generous() {
    return Duration.ofMinutes(8);
  }
}
