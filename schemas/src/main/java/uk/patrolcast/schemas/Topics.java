package uk.patrolcast.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RiskModel;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.events.WhatIfRequest;

/**
 * The catalogue of every topic the services meet on: the only place topic names, partitions and
 * retention are written. Keys are Avro strings; values are the Avro classes generated from
 * {@code src/main/avro}. Compacted topics keep the latest value per key forever, so a service can
 * rebuild its state by reading them from the start.
 */
public final class Topics {
  private Topics() {}

  private static final long FOREVER = -1;
  private static final long WEEK = Duration.ofDays(7).toMillis();
  private static final long MONTH = Duration.ofDays(30).toMillis();
  /** Plans and what-if answers carry every LSOA: up to a few MB each at England-and-Wales scale. */
  private static final Map<String, String> LARGE = Map.of("max.message.bytes", Integer.toString(32 << 20));

  public static final TopicSpec<CrimeRecord> CRIME_RECORDS =
      new TopicSpec<>("crime.records.v1", CrimeRecord.class, "CrimeRecord.recordKey", 6, TopicSpec.COMPACT, FOREVER, Map.of(),
          "Accepted burglary records, LSOA harmonised to 2021; tombstones retract records gone from a corrected month.");

  public static final TopicSpec<RejectedRecord> CRIME_REJECTED =
      new TopicSpec<>("crime.rejected.v1", RejectedRecord.class, "<source>:<line>", 3, TopicSpec.DELETE, MONTH, Map.of(),
          "Dead letters: every refused row or source, with its raw text and a reason.");

  public static final TopicSpec<MonthClosed> MONTH_CLOSED =
      new TopicSpec<>("ingest.month-closed.v1", MonthClosed.class, "month (YYYY-MM)", 1, TopicSpec.COMPACT, FOREVER, Map.of(),
          "A month's sources are all ingested: record count, content hash sum and input checksum.");

  public static final TopicSpec<SourceManifest> SOURCE_MANIFESTS =
      new TopicSpec<>("ingest.sources.v1", SourceManifest.class, "<force slug>:<YYYY-MM>", 1, TopicSpec.COMPACT, FOREVER, LARGE,
          "Ingest's memory of each force-month it published (record keys and checksum), for idempotence and retractions.");

  public static final TopicSpec<LsoaProfile> LSOA_PROFILES =
      new TopicSpec<>("reference.lsoa.v1", LsoaProfile.class, "lsoa21cd", 6, TopicSpec.COMPACT, FOREVER, Map.of(),
          "Reference data per LSOA 2021: ward, borough, area, population, IoD 2019, Census 2021, centroid, neighbours.");

  public static final TopicSpec<LsoaMonthFeatures> FEATURES =
      new TopicSpec<>("features.lsoa-month.v1", LsoaMonthFeatures.class, "<lsoa21cd>:<YYYY-MM>", 6, TopicSpec.COMPACT, FOREVER, Map.of(),
          "One feature row per LSOA and month, zero months included.");

  public static final TopicSpec<SnapshotReady> SNAPSHOT_READY =
      new TopicSpec<>("features.snapshot-ready.v1", SnapshotReady.class, "month (YYYY-MM)", 1, TopicSpec.COMPACT, FOREVER, Map.of(),
          "A month's feature rows are complete (again after a correction).");

  public static final TopicSpec<RiskScore> RISK_SCORES =
      new TopicSpec<>("risk.lsoa.v1", RiskScore.class, "lsoa21cd", 6, TopicSpec.COMPACT, FOREVER, Map.of(),
          "Static risk score per LSOA from the OLS log-linear model.");

  public static final TopicSpec<RiskModel> RISK_MODELS =
      new TopicSpec<>("risk.model.v1", RiskModel.class, "modelVersion", 1, TopicSpec.COMPACT, FOREVER, Map.of(),
          "Coefficients, standard errors and R-squared of each fitted risk model.");

  public static final TopicSpec<Forecast> LSOA_FORECASTS =
      new TopicSpec<>("forecasts.lsoa.v1", Forecast.class, "<lsoa21cd>:<originMonth>", 6, TopicSpec.COMPACT, FOREVER, Map.of(),
          "12-month forecasts per LSOA with 80% intervals and drivers.");

  public static final TopicSpec<Forecast> WARD_FORECASTS =
      new TopicSpec<>("forecasts.ward.v1", Forecast.class, "<wardCode>:<originMonth>", 6, TopicSpec.COMPACT, FOREVER, Map.of(),
          "12-month forecasts per 2024 ward (sums of its LSOAs).");

  public static final TopicSpec<ForecastReady> FORECAST_READY =
      new TopicSpec<>("forecasts.ready.v1", ForecastReady.class, "originMonth (YYYY-MM)", 1, TopicSpec.COMPACT, FOREVER, Map.of(),
          "All LSOA and ward forecasts of an origin month are published: the allocator's trigger.");

  public static final TopicSpec<ModelEvaluation> EVALUATIONS =
      new TopicSpec<>("models.evaluations.v1", ModelEvaluation.class, "<modelVersion>:<kind>:<windowTo>", 1, TopicSpec.COMPACT, FOREVER, Map.of(),
          "Model metrics beside the baselines, per window; champion/challenger decisions.");

  public static final TopicSpec<AllocationPlan> PLANS =
      new TopicSpec<>("allocations.plan.v1", AllocationPlan.class, "planId", 1, TopicSpec.COMPACT, FOREVER, LARGE,
          "Current patrol-hour plans, one per forecast, with fairness figures and lineage.");

  public static final TopicSpec<WhatIfRequest> WHATIF_REQUESTS =
      new TopicSpec<>("allocations.whatif-requests.v1", WhatIfRequest.class, "requestId", 3, TopicSpec.DELETE, WEEK, Map.of(),
          "What-if requests: other budgets, floors, caps or block sizes.");

  public static final TopicSpec<AllocationPlan> WHATIF_RESULTS =
      new TopicSpec<>("allocations.whatif-results.v1", AllocationPlan.class, "requestId", 3, TopicSpec.DELETE, WEEK, LARGE,
          "Answers to what-if requests (plans that never become current, or refusals).");

  /** Every topic, in the order data flows through them. */
  public static final List<TopicSpec<?>> ALL =
      List.of(
          CRIME_RECORDS, CRIME_REJECTED, MONTH_CLOSED, SOURCE_MANIFESTS, LSOA_PROFILES,
          FEATURES, SNAPSHOT_READY, RISK_SCORES, RISK_MODELS, LSOA_FORECASTS, WARD_FORECASTS, FORECAST_READY,
          EVALUATIONS, PLANS, WHATIF_REQUESTS, WHATIF_RESULTS);

  public static Optional<TopicSpec<?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
