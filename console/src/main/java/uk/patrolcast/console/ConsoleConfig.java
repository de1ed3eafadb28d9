package uk.patrolcast.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the console service: the shared ones plus its own. */
public final class ConsoleConfig extends ServiceConfig {
  public static final String TOKEN = "console.token";
  public static final String HEALTH_URLS = "console.health.urls";
  public static final String WHATIF_TIMEOUT_MS = "console.whatif.timeout.ms";
  public static final String OPS_INTERVAL_MS = "console.operations.interval.ms";
  public static final String FEATURE_MONTHS = "console.features.months";
  public static final String FORECAST_ORIGINS = "console.forecast.origins";
  public static final String REJECTED_KEEP = "console.rejected.keep";
  public static final String GEOMETRY_TOLERANCE = "console.geometry.tolerance.deg";
  public static final String PUSH_INTERVAL_MS = "console.push.interval.ms";

  public static final ConfigDef DEFINITION =
      ServiceConfig.base()
          .define(TOKEN, Type.PASSWORD, null, Importance.HIGH,
              "Token that what-if requests (every write) must carry as 'Authorization: Bearer <token>'. "
                  + "Without one, the console is read-only and says so.")
          .define(HEALTH_URLS, Type.LIST, List.of(), Importance.MEDIUM,
              "Health URLs of the services to show on the Operations page, e.g. "
                  + "http://127.0.0.1:8082/health/ready; name=url pairs are also accepted (ingest=http://...).")
          .define(WHATIF_TIMEOUT_MS, Type.LONG, 60_000L, Range.atLeast(1_000), Importance.MEDIUM,
              "How long a what-if waits for the allocator's answer before it reports a timeout.")
          .define(OPS_INTERVAL_MS, Type.LONG, 5_000L, Range.atLeast(500), Importance.LOW,
              "How often topic offsets, consumer-group lag, schemas and service health are refreshed.")
          .define(FEATURE_MONTHS, Type.INT, 3, Range.between(1, 240), Importance.LOW,
              "Months of full feature rows kept in memory (counts of every month are always kept).")
          .define(FORECAST_ORIGINS, Type.INT, 3, Range.between(1, 240), Importance.LOW,
              "Origin months whose full 12-horizon forecasts are kept (horizon 1 of every origin is always kept).")
          .define(REJECTED_KEEP, Type.INT, 500, Range.between(10, 100_000), Importance.LOW,
              "Most recent rejected records kept for the Operations and Resources pages.")
          .define(GEOMETRY_TOLERANCE, Type.DOUBLE, 0.0003, Range.between(0.0, 0.01), Importance.LOW,
              "Douglas-Peucker tolerance (degrees) used to simplify the boundaries sent to browsers.")
          .define(PUSH_INTERVAL_MS, Type.LONG, 500L, Range.atLeast(50), Importance.LOW,
              "Changes are pushed to browsers at most this often (server-sent events are coalesced).");

  public ConsoleConfig(Map<?, ?> values) {
    super(DEFINITION, values);
  }

  /** The write token, or null when writes are disabled. */
  public String token() {
    Password p = getPassword(TOKEN);
    return p == null || p.value() == null || p.value().isBlank() ? null : p.value();
  }

  public List<String> healthUrls() {
    return getList(HEALTH_URLS);
  }

  public Duration whatIfTimeout() {
    return Duration.ofMillis(getLong(WHATIF_TIMEOUT_MS));
  }

  public Duration operationsInterval() {
    return Duration.ofMillis(getLong(OPS_INTERVAL_MS));
  }

  public int featureMonths() {
    return getInt(FEATURE_MONTHS);
  }

  public int forecastOrigins() {
    return getInt(FORECAST_ORIGINS);
  }

  public int rejectedKeep() {
    return getInt(REJECTED_KEEP);
  }

  public double geometryTolerance() {
    return getDouble(GEOMETRY_TOLERANCE);
  }

  public Duration pushInterval() {
    return Duration.ofMillis(getLong(PUSH_INTERVAL_MS));
  }

  /** The data layout, or null when no data directory is configured (the map then has no boundaries). */
  public DataLayout dataLayoutOrNull() {
    String dir = getString(DATA_DIR);
    return dir == null || dir.isBlank() ? null : new DataLayout(Path.of(dir));
  }
}
