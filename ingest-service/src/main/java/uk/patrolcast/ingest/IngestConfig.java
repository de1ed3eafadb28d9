package uk.patrolcast.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import uk.patrolcast.ingest.source.ArchiveLimits;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.config.ServiceConfig;

/** Settings of the ingest service: the shared ones plus its own. */
public final class IngestConfig extends ServiceConfig {
  public static final String MODE = "patrolcast.mode";
  public static final String UNTIL = "ingest.until";
  public static final String PACE = "ingest.pace";
  public static final String FORCES = "ingest.forces";
  public static final String SOURCES = "ingest.sources";
  public static final String CURRENT_MONTH = "ingest.current.month";
  public static final String MAX_LINE_BYTES = "ingest.max.line.bytes";
  public static final String ARCHIVE_MAX_BYTES = "ingest.archive.max.bytes";
  public static final String ARCHIVE_MAX_RATIO = "ingest.archive.max.ratio";
  public static final String API_ENABLED = "ingest.api.enabled";
  public static final String API_BASE_URL = "ingest.api.base.url";
  public static final String API_RATE = "ingest.api.rate.per.second";
  public static final String API_BURST = "ingest.api.burst";
  public static final String API_INTERVAL = "ingest.api.poll.interval";
  public static final String WATCH_INTERVAL = "ingest.watch.interval";
  public static final String API_SIMPLIFY_METRES = "ingest.api.simplify.metres";
  public static final String API_MAX_RETRIES = "ingest.api.max.retries";

  public static final ConfigDef DEFINITION = ServiceConfig.base()
      .define(MODE, Type.STRING, "up", ConfigDef.ValidString.in("run", "up"), Importance.MEDIUM,
          "run: ingest every input once and stop (a month that cannot close is a failure); up: keep running (API polling).")
      .define(UNTIL, Type.STRING, null, Importance.MEDIUM,
          "Last input month to ingest (YYYY-MM); later months are ignored silently. Empty: no limit.")
      .define(PACE, Type.STRING, null, Importance.LOW,
          "Replay: pause this long after each month (e.g. 5s, 500ms, 1m), as if police.uk published the months live.")
      .define(FORCES, Type.LIST, String.join(",", Forces.DEFAULT), Importance.MEDIUM,
          "Forces to ingest, by police.uk file-name slug (metropolitan, city-of-london) or as slug=Falls-within name.")
      .define(SOURCES, Type.LIST, "", Importance.MEDIUM,
          "Files (.csv, .csv.gz), folders (searched recursively) or police.uk archive zips; empty: the data directory's police-uk folder.")
      .define(CURRENT_MONTH, Type.STRING, null, Importance.LOW,
          "The current month (YYYY-MM) for FUTURE_MONTH checks; empty: today's month (UTC).")
      .define(MAX_LINE_BYTES, Type.INT, 64 << 10, Range.atLeast(256), Importance.LOW,
          "Lines longer than this many bytes are rejected as OVERSIZED_LINE.")
      .define(ARCHIVE_MAX_BYTES, Type.LONG, ArchiveLimits.DEFAULT.maxUncompressedBytes(), Range.atLeast(1), Importance.LOW,
          "A compressed source expanding beyond this many bytes is refused (BAD_ARCHIVE).")
      .define(ARCHIVE_MAX_RATIO, Type.DOUBLE, ArchiveLimits.DEFAULT.maxRatio(), Range.atLeast(1), Importance.LOW,
          "A compressed source expanding more than this many times (past 1 MiB) is refused (BAD_ARCHIVE).")
      .define(API_ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
          "Poll the police.uk API for newly published months (off by default; needs network access).")
      .define(API_BASE_URL, Type.STRING, "https://data.police.uk/api", Importance.LOW, "Base URL of the police.uk API.")
      .define(API_RATE, Type.DOUBLE, 15.0, Range.atLeast(0.1), Importance.LOW, "API requests per second (police.uk allows 15).")
      .define(API_BURST, Type.INT, 30, Range.atLeast(1), Importance.LOW, "API burst size (police.uk allows 30).")
      .define(API_INTERVAL, Type.STRING, "1h", Importance.LOW, "How often to ask the API whether new data was published.")
      .define(WATCH_INTERVAL, Type.STRING, "5s", Importance.MEDIUM,
          "In up mode, how often to look at the police sources again for new or changed files (0s: never); a new month's file dropped into the folder is ingested at the next look.")
      .define(API_SIMPLIFY_METRES, Type.DOUBLE, 50.0, Range.atLeast(0), Importance.LOW,
          "Borough polygons are simplified to this tolerance (metres) before they are sent as 'poly'.")
      .define(API_MAX_RETRIES, Type.INT, 5, Range.atLeast(0), Importance.LOW,
          "Retries of a request after a transient error or a 429 before the month is given up until the next poll.");

  public IngestConfig(Map<?, ?> values) {
    super(DEFINITION, values);
    until();
    pace();
    currentMonth();
    forces();
    duration(API_INTERVAL, getString(API_INTERVAL));
    duration(WATCH_INTERVAL, getString(WATCH_INTERVAL));
  }

  public boolean runMode() {
    return "run".equals(getString(MODE));
  }

  public YearMonth until() {
    String u = getString(UNTIL);
    if (u == null || u.isBlank()) {
      return null;
    }
    try {
      return Months.parse(u.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(UNTIL, u, e.getMessage());
    }
  }

  public Duration pace() {
    String p = getString(PACE);
    return p == null || p.isBlank() ? Duration.ZERO : duration(PACE, p);
  }

  public Forces forces() {
    try {
      return Forces.parse(getList(FORCES));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(FORCES, getList(FORCES), e.getMessage());
    }
  }

  /** Paths to scan; the data directory's police folder by default. */
  public List<Path> sources(Path policeDefault) {
    List<String> s = getList(SOURCES);
    return s.isEmpty() ? List.of(policeDefault) : s.stream().map(Path::of).toList();
  }

  public YearMonth currentMonth() {
    String c = getString(CURRENT_MONTH);
    if (c == null || c.isBlank()) {
      return YearMonth.now(ZoneOffset.UTC);
    }
    try {
      return Months.parse(c.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(CURRENT_MONTH, c, e.getMessage());
    }
  }

  public int maxLineBytes() {
    return getInt(MAX_LINE_BYTES);
  }

  public ArchiveLimits archiveLimits() {
    return new ArchiveLimits(getLong(ARCHIVE_MAX_BYTES), getDouble(ARCHIVE_MAX_RATIO), ArchiveLimits.DEFAULT.ratioFloorBytes());
  }

  public boolean apiEnabled() {
    return getBoolean(API_ENABLED);
  }

  public String apiBaseUrl() {
    return getString(API_BASE_URL);
  }

  public double apiRate() {
    return getDouble(API_RATE);
  }

  public int apiBurst() {
    return getInt(API_BURST);
  }

  public Duration watchInterval() {
    return duration(WATCH_INTERVAL, getString(WATCH_INTERVAL));
  }

  public Duration apiInterval() {
    return duration(API_INTERVAL, getString(API_INTERVAL));
  }

  public double apiSimplifyMetres() {
    return getDouble(API_SIMPLIFY_METRES);
  }

  public int apiMaxRetries() {
    return getInt(API_MAX_RETRIES);
  }

  /** The transactional id of this instance: stable across restarts, so a restart fences its predecessor. */
  public String transactionalId() {
    return "patrolcast-ingest-" + instanceId();
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
  static Duration duration(String key, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new ConfigException(key, text, "expected a duration such as 500ms, 5s, 2m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
