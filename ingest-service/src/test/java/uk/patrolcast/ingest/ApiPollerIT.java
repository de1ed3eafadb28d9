package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.ingest.api.ApiIngestion;
import uk.patrolcast.ingest.api.PoliceApiClient;
import uk.patrolcast.ingest.api.TokenBucket;
import uk.patrolcast.ingest.reference.GeoJsonFeatures;
import uk.patrolcast.ingest.reference.ReferenceData;
import uk.patrolcast.ingest.source.PoliceSource;

/**
 * The API poller against the local stub and a real broker: a month newer than the files is detected
 * and fetched borough by borough (a polygon answering 503 is split), points are placed in their LSOAs,
 * the month is published and closed; a poll interrupted by a failing request resumes without asking
 * again for what it already has; nothing new, nothing published; files for the month later replace the
 * API's records.
 */
class ApiPollerIT {
  @TempDir Path progress;

  static final Polygon WEST = box(-0.125, 51.485, -0.095, 51.535);
  static final Polygon EAST = box(-0.095, 51.485, -0.075, 51.535);

  static Polygon box(double x1, double y1, double x2, double y2) {
    return (Polygon) GeoJsonFeatures.GEOMETRY.toGeometry(new Envelope(x1, x2, y1, y2));
  }

  static ReferenceData tinyReference() {
    return new ReferenceData(TinyLondon.universe(), TinyLondon.lookup(), TinyLondon.boundaries(), TinyLondon.harmoniser());
  }

  static PoliceSource file(String slug, String force, String month, String... ids) {
    StringBuilder s = new StringBuilder(TinyLondon.HEADER).append('\n');
    for (String id : ids) {
      s.append(TinyLondon.row(id, month, "-0.115000", "51.505000", "E01000001").replace(TinyLondon.MET + "," + TinyLondon.MET, force + "," + force))
          .append('\n');
    }
    byte[] content = s.toString().getBytes(StandardCharsets.UTF_8);
    return new PoliceSource(slug, YearMonth.parse(month), month + "-" + slug + "-street.csv", () -> new ByteArrayInputStream(content));
  }

  static void crimes(PoliceApiStub stub) {
    long id = 1;
    for (int i = 0; i < 6; i++) {
      stub.crimes.add(new PoliceApiStub.Crime(id++, "w1-" + i, "2024-03", 51.5013 + i * 0.0011, -0.1187 + i * 0.0011, "On or near A"));
    }
    for (int i = 0; i < 3; i++) {
      stub.crimes.add(new PoliceApiStub.Crime(id++, "w2-" + i, "2024-03", 51.4913 + i * 0.0021, -0.1187 + i * 0.0021, "On or near B"));
    }
    for (int i = 0; i < 3; i++) {
      stub.crimes.add(new PoliceApiStub.Crime(id++, i == 0 ? "" : "w3-" + i, "2024-03", 51.5213 + i * 0.0021, -0.1187 + i * 0.0021, "On or near C"));
    }
    stub.crimes.add(new PoliceApiStub.Crime(id++, "border", "2024-03", 51.5053, -0.095, "On the border")); // in both boroughs
    stub.crimes.add(new PoliceApiStub.Crime(id++, "e-0", "2024-03", 51.5031, -0.0853, "On or near E"));
    stub.crimes.add(new PoliceApiStub.Crime(id++, "e-1", "2024-03", 51.5071, -0.0833, "On or near E"));
    stub.crimes.add(new PoliceApiStub.Crime(id++, "w1-0", "2024-03", 51.5041, -0.1162, "Same persistent id")); // duplicate
    stub.crimes.add(new PoliceApiStub.Crime(id++, "far", "2024-03", 51.5331, -0.0791, "Far from any LSOA")); // outside
    stub.crimes.add(new PoliceApiStub.Crime(id++, "feb", "2024-02", 51.5051, -0.1151, "A February crime"));
  }

  ApiIngestion poller(PoliceApiStub stub, KafkaRig.Ingest ingest) {
    Map<String, Polygon> polygons = new LinkedHashMap<>();
    polygons.put("E09000002", WEST);
    polygons.put("E09000003", EAST);
    PoliceApiClient client = new PoliceApiClient(stub.baseUrl(), new TokenBucket(15, 30), 2, Duration.ofMillis(20));
    return new ApiIngestion(client, polygons, tinyReference(), ingest.publisher, ingest.state, Forces.parse(Forces.DEFAULT), 5, progress,
        null, YearMonth.of(2024, 4), Duration.ofMinutes(1));
  }

  @Test
  void newMonthsAreFetchedSplitResumedAndLaterReplacedByFiles() throws Exception {
    try (KafkaRig rig = new KafkaRig(); PoliceApiStub stub = new PoliceApiStub()) {
      try (KafkaRig.Ingest files = rig.ingest()) {
        files.ingestion.ingest(file("metropolitan", TinyLondon.MET, "2024-02", "m1", "m2"));
        files.ingestion.ingest(file("city-of-london", "City of London Police", "2024-02", "c1"));
      }
      crimes(stub);
      stub.maxPerPolygon = 5;
      stub.refusedPolys.add(String.format(java.util.Locale.ROOT, "%.6f,%.6f", EAST.getCoordinates()[0].y, EAST.getCoordinates()[0].x));

      // First poll: the west borough is fetched (split while it answers 503), the east one fails.
      try (KafkaRig.Ingest ingest = rig.ingest()) {
        ApiIngestion api = poller(stub, ingest);
        assertThatThrownBy(api::poll).isInstanceOf(PoliceApiClient.ApiFailure.class).hasMessageContaining("HTTP 400");
      }
      rig.awaitCommitted();
      assertThat(rig.closed()).doesNotContainKey("2024-03");
      assertThat(stub.requestedMonths).containsOnly("2024-03");
      long westRequests = stub.burglaryRequests();
      assertThat(westRequests).as("the 503s made the poller split the west borough").isGreaterThan(5);

      // Restarted poller: resumes with the east borough only.
      stub.refusedPolys.clear();
      try (KafkaRig.Ingest ingest = rig.ingest()) {
        ApiIngestion api = poller(stub, ingest);
        assertThat(api.poll()).containsExactly("2024-03");
        assertThat(stub.burglaryRequests() - westRequests).isEqualTo(1);

        // Nothing new published: one request, nothing fetched.
        int before = stub.paths.size();
        assertThat(api.poll()).isEmpty();
        assertThat(stub.paths.size() - before).isEqualTo(1);
      }
      rig.awaitCommitted();
      Map<String, CrimeRecord> live = rig.liveRecords();
      List<CrimeRecord> api = live.values().stream().filter(r -> r.getMonth().equals("2024-03")).toList();
      assertThat(api).hasSize(15);
      assertThat(api).allMatch(r -> r.getRecordKey().startsWith("api:2024-03:"));
      assertThat(api).filteredOn(r -> "border".equals(r.getCrimeId())).singleElement()
          .satisfies(r -> assertThat(r.getLsoa21cd()).isEqualTo("E01033001"));
      assertThat(api).filteredOn(r -> r.getCrimeId() != null && r.getCrimeId().startsWith("w3")).allMatch(r -> r.getLsoa21cd().equals("E01033010"));
      assertThat(api).filteredOn(r -> r.getCrimeId() == null).singleElement()
          .satisfies(r -> assertThat(r.getRecordKey()).startsWith("api:2024-03:row:"));
      MonthClosed closed = rig.closed().get("2024-03");
      assertThat(closed.getRevision()).isEqualTo(1);
      assertThat(closed.getRecordCount()).isEqualTo(15);
      assertThat(closed.getRecordHashSum()).isEqualTo(api.stream().mapToLong(CrimeRecord::getContentHash).sum());
      assertThat(rig.rejections()).filteredOn(r -> "2024-03".equals(r.getMonth())).extracting(RejectedRecord::getReason)
          .containsExactlyInAnyOrder(RejectionReason.DUPLICATE_CRIME_ID, RejectionReason.LSOA_OUTSIDE_LONDON);
      assertThat(Files.list(progress).count()).isEqualTo(1);

      // The month's files arrive: they replace what the API gave.
      try (KafkaRig.Ingest files = rig.ingest()) {
        files.ingestion.ingest(file("metropolitan", TinyLondon.MET, "2024-03", "m1", "m2", "m3"));
        rig.awaitCommitted();
        assertThat(rig.liveRecords().keySet()).noneMatch(k -> k.startsWith("api:"));
        files.ingestion.ingest(file("city-of-london", "City of London Police", "2024-03", "c1"));
      }
      rig.awaitCommitted();
      MonthClosed replaced = rig.closed().get("2024-03");
      assertThat(replaced.getRevision()).isEqualTo(2);
      assertThat(replaced.getRecordCount()).isEqualTo(4);
      assertThat(rig.manifests()).doesNotContainKey("api:2024-03");
    }
  }

}
