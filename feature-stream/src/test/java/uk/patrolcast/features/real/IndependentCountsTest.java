package uk.patrolcast.features.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The independent count's split-code resolution at the two points where it once disagreed with
 * ingest (issues 3/4): both lie on an edge shared by two children, and both sides now give the lowest
 * code (ingest's {@code SplitCodeOnSharedEdgeTest} pins the same points).
 */
class IndependentCountsTest {
  @Test
  void pointsOnSharedChildEdgesGoToTheLowestCode() throws Exception {
    Path data = Path.of(System.getProperty("patrolcast.data.dir", "../../shared/data"));
    assumeTrue(Files.isDirectory(data.resolve("lookups")), "no shared data at " + data.toAbsolutePath() + ": skipped");
    IndependentCounts counts = new IndependentCounts(data);
    // Midpoint of the E01034476/E01034477 edge: exact binary arithmetic puts it inside 77 only.
    assertThat(counts.lsoa21("E01000092", "0.108615", "51.522559")).isEqualTo("E01034476");
    // A vertex shared by E01034483 and E01034484 (the lookup lists 84 first).
    assertThat(counts.lsoa21("E01003728", "0.067684", "51.556471")).isEqualTo("E01034483");
    // Off the edges the containing child still wins.
    assertThat(counts.lsoa21("E01003728", "0.070161", "51.558910")).isEqualTo("E01034484");
  }
}
