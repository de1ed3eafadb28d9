package uk.patrolcast.features;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.features.model.AreaRows;
import uk.patrolcast.features.model.CellBucket;
import uk.patrolcast.features.model.CountMatrix;
import uk.patrolcast.features.model.MonthAxis;
import uk.patrolcast.features.model.MonthProgress;
import uk.patrolcast.features.model.MonthState;
import uk.patrolcast.features.model.ProgressView;
import uk.patrolcast.features.model.Universe;
import uk.patrolcast.features.stream.FeatureTopology;
import uk.patrolcast.features.stream.RecordCell;
import uk.patrolcast.features.stream.SnapshotProgress;
import uk.patrolcast.features.stream.SnapshotReadyWatcher;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.HttpError;
import uk.patrolcast.platform.http.HttpApi.Response;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * Interactive queries over the snapshot builder's state stores.
 *
 * <ul>
 *   <li>{@code GET /features/{lsoa}}: the area's row of the latest published month;
 *       {@code ?month=YYYY-MM} that month's row; {@code ?last=N} the rows of the last N published
 *       months (at most 240). Rows are recomputed from the stores with the builder's own rules, so
 *       they carry the area's current risk score; a month whose rows await a re-check is listed under
 *       {@code pending}.
 *   <li>{@code GET /watermark}: the latest complete month, and per closed month what MonthClosed
 *       promised, what has been counted, what was published and what is committed.
 * </ul>
 * They answer 503 while the stores are not queryable (starting, rebalancing, or the builder task
 * runs on another instance).
 */
final class FeatureQueries {
  private static final int MAX_MONTHS = 240;

  private final Supplier<KafkaStreams> streams;
  private final SnapshotProgress progress;
  private final SnapshotReadyWatcher watcher;
  private final AvroSerde<LsoaProfile> profileSerde;
  private final AvroSerde<RiskScore> riskSerde;
  private final boolean joinRisk;
  private final YearMonth configuredFirst;

  FeatureQueries(Supplier<KafkaStreams> streams, SnapshotProgress progress, SnapshotReadyWatcher watcher,
      SchemaRegistry registry, FeatureTopology.Settings settings) {
    this.streams = streams;
    this.progress = progress;
    this.watcher = watcher;
    this.profileSerde = Topics.LSOA_PROFILES.valueSerde(registry);
    this.riskSerde = Topics.RISK_SCORES.valueSerde(registry);
    this.joinRisk = settings.joinRisk();
    this.configuredFirst = settings.firstMonth();
  }

  void register(HttpApi http) {
    http.get("/features/{lsoa}", r -> Response.json(features(r.param("lsoa"), r.query("month", null), r.query("last", "1"))));
    http.get("/watermark", r -> Response.json(watermark()));
  }

  Map<String, Object> features(String lsoa, String monthParam, String lastParam) {
    ReadOnlyKeyValueStore<String, byte[]> profiles = store(FeatureTopology.PROFILES_STORE);
    byte[] profileBytes = profiles.get(lsoa);
    if (profileBytes == null) {
      throw new HttpError(404, 40401, "No LSOA " + lsoa + " in the area universe");
    }
    LsoaProfile profile = profileSerde.deserialize(Topics.LSOA_PROFILES.name(), profileBytes);
    List<MonthState> published = publishedMonths();
    if (published.isEmpty()) {
      throw new HttpError(404, 40402, "No month has been published yet");
    }
    List<MonthState> wanted;
    if (monthParam != null) {
      YearMonth month = Months.parse(monthParam);
      wanted = published.stream().filter(s -> s.month().equals(month)).toList();
      if (wanted.isEmpty()) {
        throw new HttpError(404, 40403, "Month " + monthParam + " has no published snapshot (yet)");
      }
    } else {
      int last = parseLast(lastParam);
      wanted = published.subList(Math.max(0, published.size() - last), published.size());
    }
    List<String> neighbours = Universe.knownNeighbours(profile, code -> profiles.get(code) != null);
    CountMatrix counts = new CountMatrix();
    ReadOnlyKeyValueStore<String, CellBucket> cells = store(FeatureTopology.CELLS_STORE);
    List<String> areas = new ArrayList<>(neighbours);
    areas.add(lsoa);
    for (String area : areas) {
      // Every month of the area's bucket; the area's cell where the bucket holds one.
      try (KeyValueIterator<String, CellBucket> it = cells.prefixScan(RecordCell.bucketPrefix(area), new StringSerializer())) {
        while (it.hasNext()) {
          KeyValue<String, CellBucket> kv = it.next();
          // A cell is the sum of its input partitions' parts.
          YearMonth month = RecordCell.bucketMonth(kv.key);
          counts.put(area, month, counts.get(area, month).plus(kv.value.get(area)));
        }
      }
    }
    Double risk = null;
    if (joinRisk) {
      byte[] riskBytes = this.<byte[]>store(FeatureTopology.RISK_STORE).get(lsoa);
      risk = riskBytes == null ? null : riskSerde.deserialize(Topics.RISK_SCORES.name(), riskBytes).getLogRiskScore();
    }
    MonthAxis axis = new MonthAxis(firstMonth());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LsoaMonthFeatures row : AreaRows.rows(profile, counts, neighbours, axis, wanted, risk)) {
      rows.add(FeatureFields.asMap(row));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("lsoa21cd", lsoa);
    body.put("name", profile.getName());
    body.put("watermark", format(watermarkMonth()));
    body.put("rows", rows);
    body.put("pending", wanted.stream().filter(s -> s.pending() != null).map(s -> Months.format(s.month())).toList());
    return body;
  }

  Map<String, Object> watermark() {
    ProgressView view = progress.view();
    Map<YearMonth, SnapshotReady> committed = watcher.latest();
    List<Map<String, Object>> months = new ArrayList<>();
    for (MonthProgress m : view.months()) {
      Map<String, Object> one = new LinkedHashMap<>();
      SnapshotReady ready = committed.get(m.month());
      one.put("month", Months.format(m.month()));
      one.put("monthRevision", m.monthRevision());
      one.put("expectedRecords", m.expectedRecords());
      one.put("countedRecords", m.countedRecords());
      one.put("hashMatches", m.hashMatches());
      one.put("expectedAreas", m.expectedAreas());
      one.put("outsideUniverse", m.outsideUniverse());
      one.put("complete", m.complete());
      one.put("snapshotRevision", m.snapshotRevision());
      one.put("committedRevision", ready == null ? 0 : ready.getRevision());
      one.put("rows", m.publishedRows());
      one.put("totalCount", m.publishedTotal());
      one.put("readyAt", m.readyAtMillis() == 0 ? null : Instant.ofEpochMilli(m.readyAtMillis()).toString());
      one.put("pending", m.pending() == null ? null : m.pending().name());
      months.add(one);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("watermark", format(watermarkMonth()));
    body.put("firstMonth", view.months().isEmpty() ? null : Months.format(view.months().get(0).month()));
    body.put("universeSize", view.universeSize());
    body.put("months", months);
    return body;
  }

  YearMonth watermarkMonth() {
    return progress.view().watermark(watcher.committedRevisions());
  }

  private List<MonthState> publishedMonths() {
    List<MonthState> out = new ArrayList<>();
    try (KeyValueIterator<String, MonthState> it = this.<MonthState>store(FeatureTopology.MONTHS_STORE).all()) {
      it.forEachRemaining(kv -> {
        if (kv.value.published()) {
          out.add(kv.value);
        }
      });
    }
    out.sort(Comparator.comparing(MonthState::month));
    return out;
  }

  /** The first month of data, as the builder sees it: the configured one, else the earliest closed month. */
  private YearMonth firstMonth() {
    if (configuredFirst != null) {
      return configuredFirst;
    }
    try (KeyValueIterator<String, MonthState> it = this.<MonthState>store(FeatureTopology.MONTHS_STORE).all()) {
      YearMonth first = null;
      while (it.hasNext()) {
        YearMonth m = it.next().value.month();
        first = first == null || m.isBefore(first) ? m : first;
      }
      return first;
    }
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    KafkaStreams s = streams.get();
    if (s == null) {
      throw new HttpError(503, 50301, "The feature stream is not started");
    }
    try {
      return s.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new HttpError(503, 50302, "The feature stores are not queryable right now (" + e.getMessage() + "); retry shortly");
    }
  }

  private static int parseLast(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 1 || n > MAX_MONTHS) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("last must be a whole number from 1 to " + MAX_MONTHS + ", not '" + text + "'");
    }
  }

  private static String format(YearMonth month) {
    return month == null ? null : Months.format(month);
  }

}
