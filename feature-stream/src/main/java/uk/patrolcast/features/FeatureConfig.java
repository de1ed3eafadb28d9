package uk.patrolcast.features;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import uk.patrolcast.features.stream.FeatureTopology;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the features service: the shared ones plus its own. */
public final class FeatureConfig extends ServiceConfig {
  public static final String MODE = "patrolcast.mode";
  public static final String APPLICATION_ID = "features.application.id";
  public static final String STREAM_THREADS = "features.stream.threads";
  public static final String JOIN_RISK = "features.join.risk";
  public static final String PROFILE_QUIET_MS = "features.profile.quiet.ms";
  public static final String PUNCTUATE_MS = "features.punctuate.ms";
  public static final String COMMIT_INTERVAL_MS = "features.commit.interval.ms";
  public static final String FIRST_MONTH = "features.first.month";
  public static final String RECORDS_STORE = "features.records.store";
  public static final String COUNT_FLUSH_MS = "features.count.flush.ms";

  public static final ConfigDef DEFINITION = ServiceConfig.base()
      .define(MODE, Type.STRING, "up", ValidString.in("run", "up"), Importance.LOW,
          "run: one pass over the inputs (patrolcast run); up: keeps running.")
      .define(APPLICATION_ID, Type.STRING, "patrolcast-features", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Kafka Streams application id: names the consumer group, the internal topics and the state directory.")
      .define(STREAM_THREADS, Type.INT, 2, Range.between(1, 64), Importance.MEDIUM,
          "Stream threads. The counting stage spreads over the record topic's partitions; the snapshot builder is one task."
              + " Two let one thread count while the other commits or builds snapshots.")
      .define(JOIN_RISK, Type.BOOLEAN, null, Importance.LOW,
          "Whether feature rows carry the latest risk score from risk.lsoa.v1. Default: yes, except in run mode, where"
              + " rows must not depend on when the forecast service happened to publish its scores.")
      .define(PROFILE_QUIET_MS, Type.LONG, 2000L, Range.atLeast(0), Importance.LOW,
          "After LSOA profiles change, published months are re-checked once no profile has changed for this long.")
      .define(PUNCTUATE_MS, Type.LONG, 1000L, Range.atLeast(10), Importance.LOW,
          "How often the snapshot builder runs deferred re-checks and refreshes its progress for the queries.")
      .define(COMMIT_INTERVAL_MS, Type.LONG, 200L, Range.atLeast(10), Importance.LOW,
          "Kafka Streams commit interval: each stage's output becomes visible downstream at most this late.")
      .define(FIRST_MONTH, Type.STRING, null, Importance.LOW,
          "First month of data (YYYY-MM) when known in advance: nothing is published before it has closed, and"
              + " closings of earlier months are ignored. Default: the earliest closed month.")
      .define(RECORDS_STORE, Type.STRING, "rocksdb", ValidString.in("rocksdb", "memory"), Importance.LOW,
          "Where the records table keeps every live record's cell. rocksdb: on disk, any number of records."
              + " memory: on the heap (about half a kB per record: ~0.5 GB more for London's ~1 M records),"
              + " rebuilt from crime.records.v1 at every start; less CPU per record counted.")
      .define(COUNT_FLUSH_MS, Type.LONG, 200L, Range.atLeast(10), Importance.LOW,
          "How often each counting task hands the buckets whose counts changed to the snapshot builder: a month"
              + " completes at most this much later; shorter sends the busy buckets more often.");

  public FeatureConfig(Map<?, ?> values) {
    super(DEFINITION, values);
  }

  public boolean runMode() {
    return "run".equals(getString(MODE));
  }

  public String applicationId() {
    return getString(APPLICATION_ID);
  }

  public int streamThreads() {
    return getInt(STREAM_THREADS);
  }

  public boolean joinRisk() {
    Boolean join = getBoolean(JOIN_RISK);
    return join != null ? join : !runMode();
  }

  public long commitIntervalMs() {
    return getLong(COMMIT_INTERVAL_MS);
  }

  public FeatureTopology.Settings topologySettings() {
    String first = getString(FIRST_MONTH);
    return new FeatureTopology.Settings(joinRisk(), getLong(PROFILE_QUIET_MS), getLong(PUNCTUATE_MS),
        first == null || first.isBlank() ? null : Months.parse(first), "memory".equals(getString(RECORDS_STORE)),
        getLong(COUNT_FLUSH_MS));
  }
}
