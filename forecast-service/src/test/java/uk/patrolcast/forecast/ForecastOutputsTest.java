package uk.patrolcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.forecast.data.FeatureCsv;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.kafka.ForecastRecords;
import uk.patrolcast.forecast.model.ForecastSet;
import uk.patrolcast.forecast.model.Forecaster;
import uk.patrolcast.forecast.model.ModelTrainer;
import uk.patrolcast.forecast.model.TrainedModel;

class ForecastOutputsTest {

  @Test
  void numbersHaveOneTextEach() {
    assertThat(ForecastOutputs.num(1.0)).isEqualTo("1");
    assertThat(ForecastOutputs.num(0.1234567)).isEqualTo("0.123457");
    assertThat(ForecastOutputs.num(-0.0)).isEqualTo("0");
    assertThat(ForecastOutputs.num(2.5e-8)).isEqualTo("0");
    assertThat(ForecastOutputs.num(12345.5)).isEqualTo("12345.5");
  }

  @Test
  void forecastFilesAreSortedAndIdenticalWhateverTheOrderRecordsArrivedIn(@TempDir Path dir) throws Exception {
    FeatureTable table = SyntheticData.table(12, 70, 2);
    try (TrainedModel model = new ModelTrainer(SyntheticData.settings()).train(table, table.lastMonth().minusMonths(1), SyntheticData.params())) {
      ForecastSet set = new Forecaster(2).forecast(model, table);
      List<Forecast> records = new ArrayList<>(ForecastRecords.lsoaForecasts(set, Instant.now()));
      ForecastOutputs.writeForecasts(records, dir.resolve("a.csv"), true);
      Collections.reverse(records);
      ForecastOutputs.writeForecasts(records, dir.resolve("b.csv"), true);
      assertThat(Files.readAllBytes(dir.resolve("b.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
      List<String> lines = Files.readAllLines(dir.resolve("a.csv"));
      assertThat(lines).hasSize(1 + 12 * 12);
      List<String> body = lines.subList(1, lines.size());
      List<String> sorted = new ArrayList<>(body);
      Collections.sort(sorted);
      assertThat(body).isEqualTo(sorted);
      assertThat(lines.get(1)).startsWith(set.origin() + "," + set.origin().plusMonths(1) + "," + table.areas().code(0) + ",");
    }
  }

  @Test
  void theNeighboursFileReadsBackAsTheListsThePublishedProfilesCarry(@TempDir Path dir) throws Exception {
    FeatureTable table = SyntheticData.table(12, 70, 2);
    List<LsoaProfile> profiles = new ArrayList<>(SyntheticFeed.profiles(table.areas()));
    Collections.reverse(profiles);
    Path file = dir.resolve("neighbours.csv");
    ForecastOutputs.writeNeighbours(profiles, file);

    Map<String, String[]> read = FeatureCsv.readNeighbours(file);
    assertThat(read).hasSize(table.areas().size());
    for (LsoaProfile p : profiles) {
      assertThat(p.getNeighbours()).isNotEmpty();
      assertThat(read.get(p.getLsoa21cd())).containsExactlyElementsOf(p.getNeighbours());
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("lsoa21cd,neighbours");
    List<String> body = lines.subList(1, lines.size());
    List<String> sorted = new ArrayList<>(body);
    Collections.sort(sorted);
    assertThat(body).isEqualTo(sorted);
  }
}
