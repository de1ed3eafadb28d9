package uk.patrolcast.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.schemas.Topics;

/** {@code patrolcast run} on the real data directory: exits 0 and reports what it did in run.json. */
class RunCommandIT {
  @TempDir Path out;

  @Test
  void runWritesItsReport() throws Exception {
    Path data = Path.of(System.getProperty("patrolcast.data.dir", "../../shared/data"));
    assumeTrue(Files.isDirectory(data.resolve("police-uk")), "no data directory at " + data);
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      code = Patrolcast.commandLine().execute("run", "--data", data.toString(), "--out", out.toString(), "--until", "2011-03");
    } finally {
      System.setOut(stdout);
    }
    assertThat(code).isZero();
    // Four months cannot train a model: what published nothing, and why, is said in run.json and on stdout.
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("patrolcast run: done in")
        .contains("forecast published nothing: Not enough history to train up to 2011-03")
        .contains("allocate published nothing: nothing to work on without forecast");
    JsonNode report = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertThat(report.get("wall_s").asDouble()).isPositive();
    assertThat(report.get("peak_heap_mb").asLong()).isPositive();
    assertThat(report.at("/stages_idle/forecast").asText()).startsWith("Not enough history to train up to 2011-03");
    assertThat(report.at("/stages_idle/allocate").asText()).isEqualTo("nothing to work on without forecast");
    assertThat(report.at("/stages_idle").has("features")).isFalse();
    assertThat(report.at("/versions/code").asText()).isNotBlank();
    for (var topic : Topics.ALL) {
      assertThat(report.at("/versions/schemas").has(topic.name())).as(topic.name()).isTrue();
    }
    // Ingest's part: 2010-12 to 2011-03 of both forces, 33,070 rows of which 33,064 count by the data rules.
    assertThat(report.at("/records/read").asLong()).isEqualTo(33_070);
    assertThat(report.at("/records/accepted").asLong()).isEqualTo(33_064);
    assertThat(report.at("/records/rejected").asLong()).isEqualTo(6);
    assertThat(report.at("/records_per_s/ingest").asLong()).isPositive();
    List<String> rejected = Files.readAllLines(out.resolve("rejected.csv"));
    assertThat(rejected.get(0)).isEqualTo("source,line,reason,message,month,force,crime_id,raw");
    assertThat(rejected).hasSize(1 + 6);
    // The allocator's files are always written (their rows come once forecasts flow).
    assertThat(Files.readAllLines(out.resolve("allocations.csv")).get(0))
        .isEqualTo("plan_id,origin_month,month,lsoa21cd,ward_code,hours,forecast,min_hours,max_hours");
    assertThat(Files.readAllLines(out.resolve("allocations_ward.csv")).get(0)).startsWith("plan_id,origin_month,month,ward_code,");
  }
}
