package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.patrolcast.launcher.Patrolcast;

/**
 * {@code patrolcast bench} on a small generated directory: bench.json has the agreed shape under the
 * profile's key (other profiles kept), the cold replay saw every record, and each of the last months,
 * dropped into the watched folder, was measured until its result was committed.
 */
class BenchCommandIT {
  @TempDir Path tmp;

  @Test
  void benchmarksColdReplayAndLiveMonths() throws Exception {
    Path data = tmp.resolve("data");
    DataGenerator.generate(new GeneratorOptions(Profile.ENGLAND_WALES, 200, 2, 5, YearMonth.of(2023, 6), 3, 1.0, 2, 1), data);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("bench.json"), "{\"england_wales\": {\"cold_replay_s\": 1.5}}");

    CommandLine cli = Patrolcast.commandLine();
    StringWriter printed = new StringWriter();
    cli.setOut(new PrintWriter(printed));
    int code = cli.execute("bench", "--data", data.toString(), "--out", out.toString(), "--live-months", "2", "--timeout", "5");
    assertThat(code).isZero();

    JsonNode all = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
    assertThat(all.at("/england_wales/cold_replay_s").asDouble()).as("other profiles kept").isEqualTo(1.5);
    JsonNode london = all.get("london");
    assertThat(london.get("cold_replay_s").asDouble()).isPositive();
    assertThat(london.at("/records_per_s/ingest").asLong()).isPositive();
    assertThat(london.at("/records_per_s/features").asLong()).isPositive();
    assertThat(london.get("peak_rss_mb").asLong()).isPositive();
    assertThat(london.get("last_month").asText()).isEqualTo("2023-10");
    // The cold replay ends when the last stage that publishes has finished the last month.
    assertThat(london.get("cold_replay_s").asDouble()).isGreaterThanOrEqualTo(london.at("/stage_done_s/features").asDouble());
    assertThat(london.at("/records/accepted").asLong()).isPositive();

    JsonNode live = london.get("live");
    // Measured to the plans once forecast and allocation publish them, to the feature snapshot before.
    boolean plans = live.get("measured_to").asText().equals("allocations.plan.v1");
    assertThat(live.get("measured_to").asText()).isIn("allocations.plan.v1", "features.snapshot-ready.v1");
    assertThat(london.get("measured_to").asText()).isEqualTo(plans ? "plan" : "features");
    assertThat(live.get("warm_to").asText()).isEqualTo("2023-08");
    assertThat(live.get("months")).hasSize(2);
    assertThat(live.get("months").get(0).get("month").asText()).isEqualTo("2023-09");
    assertThat(live.get("months").get(1).get("month").asText()).isEqualTo("2023-10");
    for (JsonNode m : live.get("months")) {
      // Measured from the drop: the month had to be ingested before anything downstream was committed.
      assertThat(m.get("latency_s").asDouble()).isPositive();
      assertThat(m.at("/stage_done_s/ingest").asDouble()).isPositive();
      assertThat(m.get("snapshot_ready_committed_s").asDouble()).isGreaterThan(m.at("/stage_done_s/ingest").asDouble() - 0.2);
      assertThat(m.get("stage_s").has("features")).isTrue();
      if (plans) {
        assertThat(m.at("/stage_done_s/allocate").asDouble()).isPositive();
        assertThat(m.get("latency_s").asDouble()).isGreaterThanOrEqualTo(m.get("snapshot_ready_committed_s").asDouble());
      } else {
        assertThat(m.get("latency_s").asDouble()).isEqualTo(m.get("snapshot_ready_committed_s").asDouble());
      }
    }
    JsonNode latency = london.get("live_month_latency_s");
    assertThat(latency.get("median").asDouble()).isPositive().isLessThanOrEqualTo(latency.get("max").asDouble());
    assertThat(latency.get("max").asDouble()).isEqualTo(
        Math.max(live.get("months").get(0).get("latency_s").asDouble(), live.get("months").get(1).get("latency_s").asDouble()));
    assertThat(printed.toString()).contains("cold replay:", "live months", "bench.json");
  }
}
