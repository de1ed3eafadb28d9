package uk.patrolcast.features.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.features.FeatureFields;

/**
 * Checks a {@code features.csv} written by {@code patrolcast run} over the shared data: 4,994 rows
 * (each area once) for every month, and counts equal to {@link IndependentCounts} computed from the
 * raw police files. Runs when {@code -Dpatrolcast.features.csv=OUT/features.csv} is given:
 *
 * <pre>
 * ./patrolcast run --data ../shared/data --out /tmp/out
 * mvn -pl feature-stream -am verify -Dit.test=FeatureCountsIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpatrolcast.features.csv=/tmp/out/features.csv [-Dpatrolcast.features.months=all]
 * </pre>
 *
 * Months compared: a few whole months by default (2010-12 without Crime IDs, 2012-06 with LSOA 2011
 * codes, 2023-06 and 2024-02 with 2021 codes), every month with {@code months=all}, or a comma list.
 */
class FeatureCountsIT {
  private static final Logger log = LoggerFactory.getLogger(FeatureCountsIT.class);
  private static final List<String> DEFAULT_MONTHS = List.of("2010-12", "2012-06", "2023-06", "2024-02");

  @Test
  void featuresCsvHasEveryAreaEveryMonthWithTheIndependentCounts() throws Exception {
    String csvPath = System.getProperty("patrolcast.features.csv", "");
    assumeTrue(!csvPath.isBlank(), "no -Dpatrolcast.features.csv=OUT/features.csv given: skipped");
    Path csv = Path.of(csvPath);
    Path data = Path.of(System.getProperty("patrolcast.data.dir", "../../shared/data"));
    assumeTrue(Files.isDirectory(data.resolve("police-uk")), "no shared data at " + data.toAbsolutePath() + ": skipped");
    IndependentCounts independent = new IndependentCounts(data);

    Map<String, Set<String>> areasByMonth = new TreeMap<>();
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    String wanted = System.getProperty("patrolcast.features.months", "");
    Set<String> check = new HashSet<>(wanted.isBlank() ? DEFAULT_MONTHS : List.of(wanted.split(",")));
    boolean all = check.contains("all");
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      assertThat(in.readLine()).isEqualTo(FeatureFields.csvHeader());
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] v = line.split(",", 4);
        assertThat(areasByMonth.computeIfAbsent(v[0], m -> new HashSet<>()).add(v[1])).as("duplicate row " + v[0] + " " + v[1]).isTrue();
        if (all || check.contains(v[0])) {
          counts.computeIfAbsent(v[0], m -> new HashMap<>()).put(v[1], Integer.parseInt(v[2]));
        }
      }
    }
    assertThat(areasByMonth.keySet()).as("months in " + csv).containsExactlyElementsOf(independent.months());
    areasByMonth.forEach((m, areas) -> assertThat(areas).as("areas of " + m).isEqualTo(independent.universe()));

    Map<String, Map<String, Integer>> expected = independent.count(counts::containsKey);
    List<String> mismatches = new ArrayList<>();
    long records = 0;
    for (String month : counts.keySet()) {
      for (String lsoa : independent.universe()) {
        int want = expected.get(month).getOrDefault(lsoa, 0);
        int got = counts.get(month).get(lsoa);
        records += got;
        if (want != got) {
          mismatches.add(month + " " + lsoa + ": features.csv " + got + ", raw files " + want);
        }
      }
    }
    log.info("Compared {} months ({} burglaries) of {} with the raw files: {} mismatching cells", counts.size(), records, csv,
        mismatches.size());
    assertThat(mismatches).as("cells whose count differs from the raw files").isEmpty();
  }
}
