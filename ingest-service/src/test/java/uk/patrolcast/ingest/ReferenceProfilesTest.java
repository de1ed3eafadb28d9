package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.ingest.reference.BritishNationalGrid;
import uk.patrolcast.ingest.reference.LsoaBoundaries;
import uk.patrolcast.ingest.reference.LsoaProfiles;
import uk.patrolcast.ingest.reference.ReferenceData;
import uk.patrolcast.platform.config.DataLayout;

/** Reference profiles built from the real shared data (skipped without it). */
class ReferenceProfilesTest {
  static final Path DATA = Path.of(System.getProperty("patrolcast.data.dir", "../shared/data"));

  @Test
  void britishNationalGridConvertsToWgs84WithinAFewMetresOfOnsOwnFigures() {
    BritishNationalGrid grid = new BritishNationalGrid();
    // ONS LSOA 2021 centroids as published with both BNG and latitude/longitude.
    double[][] known = {
      {532123, 181632, 51.51816940307617, -0.09714999794960022},
      {531361, 188605, 51.58100891113281, -0.10552000254392624},
      {523971, 174521, 51.45610046386719, -0.21706999838352203},
    };
    for (double[] k : known) {
      double[] lonLat = grid.toWgs84(k[0], k[1]);
      double metres = LsoaBoundaries.metres(new Coordinate(lonLat[0], lonLat[1]), new Coordinate(k[3], k[2]));
      assertThat(metres).as("E %s N %s", k[0], k[1]).isLessThan(5.0);
    }
  }

  @Test
  void profilesCarryIodCensusCentroidAndNeighbours() {
    assumeTrue(Files.isDirectory(DATA.resolve("lookups")), "shared data not found at " + DATA.toAbsolutePath() + ": skipped");
    DataLayout data = new DataLayout(DATA);
    ReferenceData ref = ReferenceData.load(data);
    Map<String, LsoaProfile> p = LsoaProfiles.build(data, ref.universe(), ref.lookup(), ref.boundaries()).stream()
        .collect(Collectors.toMap(LsoaProfile::getLsoa21cd, Function.identity()));
    assertThat(p).hasSize(4994);

    LsoaProfile city = p.get("E01000001");
    assertThat(city.getWardCode()).isEqualTo("E05009288");
    assertThat(city.getBoroughCode()).isEqualTo("E09000001");
    assertThat(city.getPopulation()).isEqualTo(1573);
    assertThat(city.getIod().getImd()).isEqualTo(6.208); // unchanged LSOA: its own 2011 score
    assertThat(city.getCensus().getOwned()).isCloseTo(486.0 / 839.0, within(1e-12));
    assertThat(city.getCentroidLat()).isCloseTo(51.5196, within(0.002));
    assertThat(city.getCentroidLon()).isCloseTo(-0.0965, within(0.003));
    assertThat(ref.boundaries().covers("E01000001", city.getCentroidLon(), city.getCentroidLat())).isTrue();

    // Merged from E01003968 (IMD 46.579, 1,334 people in 2015) and E01003974 (35.370, 1,319).
    assertThat(p.get("E01033879").getIod().getImd()).isCloseTo((46.579 * 1334 + 35.37 * 1319) / (1334 + 1319), within(1e-9));

    double mean = p.values().stream().mapToInt(x -> x.getNeighbours().size()).average().orElseThrow();
    assertThat(mean).isBetween(4.0, 8.0);
    for (LsoaProfile x : p.values()) {
      assertThat(x.getNeighbours()).isNotEmpty().doesNotContain(x.getLsoa21cd()).isSorted();
      assertThat(x.getCensus().getOwned() + x.getCensus().getSocialRented() + x.getCensus().getPrivateRented()).isCloseTo(1.0, within(1e-9));
    }
    long centroidsInside = p.values().stream().filter(x -> ref.boundaries().covers(x.getLsoa21cd(), x.getCentroidLon(), x.getCentroidLat())).count();
    assertThat(centroidsInside).as("population-weighted centroids inside their own (generalised) polygon").isGreaterThan(4900);
    List<String> none = p.values().stream().filter(x -> x.getNeighbours().isEmpty()).map(LsoaProfile::getLsoa21cd).toList();
    assertThat(none).isEmpty();
  }
}
