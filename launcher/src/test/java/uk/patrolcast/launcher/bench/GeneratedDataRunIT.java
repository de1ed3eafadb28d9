package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.launcher.Patrolcast;

/**
 * {@code patrolcast run} works unchanged on a generated directory with the settings it writes: every
 * row is read, exactly the burglaries that count by the data rules are accepted (2011 codes
 * harmonised, split ones by point in polygon), and only rows without location and repeated Crime
 * IDs are rejected.
 */
class GeneratedDataRunIT {
  @TempDir Path tmp;

  @Test
  void thePipelineRunsOnGeneratedData() throws Exception {
    Path data = tmp.resolve("data");
    // Six months around the code cut-over: 2011 codes, then mixed, then 2021 codes.
    DataGenerator.generate(new GeneratorOptions(Profile.ENGLAND_WALES, 300, 3, 6, YearMonth.of(2023, 1), 5, 1.0, 2, 1), data);
    Path out = tmp.resolve("out");
    int code = Patrolcast.commandLine().execute("run", "--data", data.toString(), "--out", out.toString(),
        "--config", data.resolve(RunSettings.PROPERTIES).toString(), "--timeout", "10");
    assertThat(code).isZero();

    long rows = 0;
    long unlocated = 0;
    long repeated = 0;
    long counted = 0;
    for (Path file : GeneratedFixture.policeFiles(data).values()) {
      List<GeneratedFixture.Row> all = GeneratedFixture.rows(file);
      rows += all.size();
      Set<String> ids = new HashSet<>();
      for (GeneratedFixture.Row r : all) {
        if (!r.crimeType().equals("Burglary")) {
          continue;
        }
        if (!r.located()) {
          unlocated++;
        } else if (!ids.add(r.crimeId())) {
          repeated++;
        } else {
          counted++;
        }
      }
    }
    JsonNode report = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertThat(report.at("/records/read").asLong()).isEqualTo(rows);
    assertThat(report.at("/records/accepted").asLong()).isEqualTo(counted);
    assertThat(report.at("/records/rejected").asLong()).isEqualTo(unlocated + repeated);
    Map<String, Long> reasons = GeneratedFixture.csv(out.resolve("rejected.csv")).stream().skip(1)
        .collect(Collectors.groupingBy(r -> r.get(2), TreeMap::new, Collectors.counting()));
    assertThat(reasons).containsEntry("NO_LSOA", unlocated);
    assertThat(reasons.getOrDefault("DUPLICATE_CRIME_ID", 0L)).isEqualTo(repeated);
    assertThat(reasons.keySet()).isSubsetOf("NO_LSOA", "DUPLICATE_CRIME_ID");
  }
}
