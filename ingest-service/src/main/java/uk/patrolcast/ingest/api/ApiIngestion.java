package uk.patrolcast.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.SourceManifest;
import uk.patrolcast.ingest.Forces;
import uk.patrolcast.ingest.IngestConfig;
import uk.patrolcast.ingest.publish.MonthClosing;
import uk.patrolcast.ingest.publish.PublishedState;
import uk.patrolcast.ingest.publish.SourcePublisher;
import uk.patrolcast.ingest.publish.Transaction;
import uk.patrolcast.ingest.reference.ReferenceData;
import uk.patrolcast.platform.config.DataLayout;
import uk.patrolcast.platform.config.Months;

/**
 * Near-real-time ingestion from the police.uk API. Each poll asks {@code crime-last-updated}; when it
 * changed, {@code crimes-street-dates} lists the months on offer, and every month newer than the newest
 * month any file gave (and not after {@code until} or the current month) is fetched borough by borough
 * (quadrants when a polygon holds too many crimes) and published as one transaction under the
 * manifest key {@code api:<YYYY-MM>}, which closes the month on its own. A month is fetched again when
 * police.uk publishes again, and republished only if its content changed (a correction, with
 * tombstones). Each (month, polygon) answer is kept in the state directory as it arrives, so a restart
 * resumes a month where it stopped; the manifest on the topic says which months are done, so even an
 * empty disk never publishes a month twice. Files for a month supersede the API's data for it.
 */
public final class ApiIngestion implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiIngestion.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How often a polygon may be split in four before the month is given up. */
  static final int MAX_SPLIT_DEPTH = 6;

  private final PoliceApiClient client;
  private final Map<String, Polygon> polygons;
  private final ReferenceData reference;
  private final SourcePublisher publisher;
  private final PublishedState state;
  private final Forces forces;
  private final int lsoaCount;
  private final Path progressDir;
  private final YearMonth until;
  private final YearMonth currentMonth;
  private final Duration interval;
  private String lastSeenUpdate;

  public ApiIngestion(PoliceApiClient client, Map<String, Polygon> polygons, ReferenceData reference, SourcePublisher publisher,
      PublishedState state, Forces forces, int lsoaCount, Path progressDir, YearMonth until, YearMonth currentMonth, Duration interval) {
    this.client = client;
    this.polygons = polygons;
    this.reference = reference;
    this.publisher = publisher;
    this.state = state;
    this.forces = forces;
    this.lsoaCount = lsoaCount;
    this.progressDir = progressDir;
    this.until = until;
    this.currentMonth = currentMonth;
    this.interval = interval;
  }

  public static ApiIngestion create(IngestConfig config, DataLayout data, ReferenceData reference, SourcePublisher publisher,
      PublishedState state, int lsoaCount) {
    PoliceApiClient client = new PoliceApiClient(config.apiBaseUrl(), new TokenBucket(config.apiRate(), config.apiBurst()),
        config.apiMaxRetries(), Duration.ofSeconds(1));
    return new ApiIngestion(client, QueryPolygons.boroughs(data.path("boundaries.borough"), config.apiSimplifyMetres()), reference,
        publisher, state, config.forces(), lsoaCount, config.stateDir().resolve("ingest-api"), config.until(), config.currentMonth(),
        config.apiInterval());
  }

  /** Polls until told to stop; an API failure is logged and retried at the next poll. */
  public void pollUntilStopped(BooleanSupplier stop) throws InterruptedException {
    while (!stop.getAsBoolean()) {
      try {
        poll();
      } catch (PoliceApiClient.ApiFailure e) {
        log.warn("police.uk API poll failed, next try in {}: {}", interval, e.getMessage());
      }
      long end = System.nanoTime() + interval.toNanos();
      while (!stop.getAsBoolean() && System.nanoTime() < end) {
        Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      }
    }
  }

  /** One poll: the months published (re)ingested from the API, if police.uk published anything new. */
  public List<String> poll() throws PoliceApiClient.ApiFailure, InterruptedException {
    String updated = client.lastUpdated();
    if (updated.equals(lastSeenUpdate)) {
      return List.of();
    }
    String newestFileMonth = newestFileMonth();
    List<String> months = new ArrayList<>();
    for (String m : client.streetDates()) {
      YearMonth ym;
      try {
        ym = Months.parse(m);
      } catch (IllegalArgumentException e) {
        log.warn("crimes-street-dates lists '{}', not a month: ignored", m);
        continue;
      }
      if ((newestFileMonth == null || m.compareTo(newestFileMonth) > 0) && (until == null || !ym.isAfter(until))
          && !ym.isAfter(currentMonth)) {
        months.add(m);
      }
    }
    months.sort(null);
    List<String> published = new ArrayList<>();
    for (String m : months) {
      SourceManifest done = state.manifest(MonthClosing.API_SLUG + ":" + m);
      if (done != null && done.getSource().endsWith("@" + updated)) {
        continue;
      }
      if (ingestMonth(m, updated)) {
        published.add(m);
      }
    }
    lastSeenUpdate = updated;
    return published;
  }

  /** Fetches a month whole and publishes it if it differs from what the API gave before. */
  boolean ingestMonth(String month, String updated) throws PoliceApiClient.ApiFailure, InterruptedException {
    long started = System.nanoTime();
    long requestsBefore = client.requests();
    List<ApiCrimes.Answer> answers = new ArrayList<>();
    Path dir = progressDir.resolve(month + "@" + updated.replaceAll("[^0-9A-Za-z-]", "_"));
    for (Map.Entry<String, Polygon> p : polygons.entrySet()) {
      answers.add(new ApiCrimes.Answer(p.getKey(), fetchRemembered(dir, month, p.getKey(), p.getValue())));
    }
    ApiCrimes.Month result = ApiCrimes.of(month, answers, reference.boundaries(), reference.universe(), Instant.now());
    String key = MonthClosing.API_SLUG + ":" + month;
    SourceManifest previous = state.manifest(key);
    if (state.manifestsOf(month).keySet().stream().anyMatch(k -> !k.equals(key))) {
      log.info("{}: files arrived meanwhile; the API's answer is not used", month);
      return false;
    }
    Set<String> keys = new LinkedHashSet<>();
    long hashSum = 0;
    for (CrimeRecord r : result.records()) {
      keys.add(r.getRecordKey());
      hashSum += r.getContentHash();
    }
    String source = "police.uk API crimes-street/burglary by borough @" + updated;
    if (previous != null && previous.getSha256().equals(result.sha256())) {
      // Same content: only remember that this publication was checked.
      SourceManifest same = SourceManifest.newBuilder(previous).setSource(source).setIngestedAt(Instant.now()).build();
      Transaction t = new Transaction(key, List.of(), List.of(), List.of(), Map.of(key, same), List.of(), null);
      publisher.publish(t);
      state.committed(t);
      return false;
    }
    List<String> tombstones = new ArrayList<>();
    if (previous != null) {
      previous.getRecordKeys().stream().filter(k -> !keys.contains(k)).forEach(tombstones::add);
    }
    Instant now = Instant.now();
    SourceManifest manifest = new SourceManifest("police.uk API", month, source, result.sha256(),
        previous == null ? 1 : previous.getRevision() + 1, result.rows(), result.rejections().size(), new ArrayList<>(keys), hashSum, now);
    Map<String, SourceManifest> after = new HashMap<>(state.manifestsOf(month));
    after.put(key, manifest);
    MonthClosed closed = MonthClosing.close(month, after, forces.slugs(), state.closed(month), lsoaCount, now);
    Transaction t = new Transaction(key, result.records(), tombstones, result.rejections(), Map.of(key, manifest), List.of(), closed);
    publisher.publish(t);
    state.committed(t);
    log.info("{} from the police.uk API: {} crimes, {} accepted, {} rejected, {} tombstones, {} requests in {} ms{}", month, result.rows(),
        result.records().size(), result.rejections().size(), tombstones.size(), client.requests() - requestsBefore,
        (System.nanoTime() - started) / 1_000_000, closed == null ? "" : "; month closed (revision " + closed.getRevision() + ")");
    return true;
  }

  /** A polygon's crimes: from the progress directory when fetched before, else from the API (then remembered). */
  private JsonNode fetchRemembered(Path dir, String month, String id, Polygon polygon) throws PoliceApiClient.ApiFailure, InterruptedException {
    Path file = dir.resolve(id + ".json");
    try {
      if (Files.isRegularFile(file)) {
        return JSON.readTree(file.toFile());
      }
      JsonNode crimes = fetch(month, polygon, 0);
      Files.createDirectories(dir);
      Path tmp = dir.resolve(id + ".json.tmp");
      JSON.writeValue(tmp.toFile(), crimes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return crimes;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep API progress in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The crimes of a polygon, splitting it in quadrants while the API answers 503. */
  JsonNode fetch(String month, Polygon polygon, int depth) throws PoliceApiClient.ApiFailure, InterruptedException {
    try {
      return client.burglaries(month, polygon);
    } catch (PoliceApiClient.TooManyCrimes e) {
      if (depth >= MAX_SPLIT_DEPTH) {
        throw new PoliceApiClient.ApiFailure(e.getMessage() + ", even after splitting " + depth + " times");
      }
      var all = JSON.createArrayNode();
      for (Polygon q : QueryPolygons.quadrants(polygon)) {
        all.addAll((com.fasterxml.jackson.databind.node.ArrayNode) fetch(month, q, depth + 1));
      }
      return all;
    }
  }

  /** The newest month any configured force's file gave, or null. */
  private String newestFileMonth() {
    String newest = null;
    for (MonthClosed c : state.closedMonths()) {
      boolean fromFiles = c.getSources().stream().noneMatch(s -> s.getForce().equals("police.uk API"));
      if (fromFiles && (newest == null || c.getMonth().compareTo(newest) > 0)) {
        newest = c.getMonth();
      }
    }
    return newest;
  }

  @Override
  public void close() {
    // The HTTP client needs no closing on Java 17; nothing else is held.
  }
}
