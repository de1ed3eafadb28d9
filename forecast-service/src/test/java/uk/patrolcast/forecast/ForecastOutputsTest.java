package uk.patrolcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.EvaluationKind;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.ModelRole;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.forecast.data.FeatureCsv;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.forecast.eval.Baselines;
import uk.patrolcast.forecast.eval.MetricValues;
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

  /** The summary gives horizon 1's gain over the best baseline month by month and its standard error. */
  @Test
  void theSummaryShowsTheMonthlyHitRateGainsBehindTheBacktestsFigure(@TempDir Path dir) throws Exception {
    FeatureTable table = SyntheticData.table(12, 70, 2);
    double[] model = {0.170, 0.160, 0.175};
    double[] mean12 = {0.160, 0.162, 0.168};
    YearMonth from = YearMonth.of(2023, 3);
    List<ModelEvaluation> evaluations = new ArrayList<>();
    try (TrainedModel trained = new ModelTrainer(SyntheticData.settings()).train(table, table.lastMonth().minusMonths(1), SyntheticData.params())) {
      double m = 0;
      double b = 0;
      for (int k = 1; k <= model.length; k++) {
        m += model[k - 1];
        b += mean12[k - 1];
        List<MetricValues> metrics = new ArrayList<>();
        metrics.add(hitOnly("model", m / k));
        for (String baseline : Baselines.NAMES) {
          metrics.add(hitOnly(baseline, baseline.equals("mean_12") ? b / k : 0.1));
        }
        evaluations.add(ForecastRecords.evaluation(trained, EvaluationKind.BACKTEST, ModelRole.CHAMPION, null, null, from,
            from.plusMonths(k - 1), metrics, Instant.EPOCH));
      }
    }
    Collections.reverse(evaluations);
    Path file = dir.resolve("evaluations.json");
    ForecastOutputs.writeEvaluations(evaluations, List.of(), file);
    JsonNode targets = new ObjectMapper().readTree(file.toFile()).get("summary").get(0).get("horizon_1").get("targets");
    assertThat(targets.get("best_hit_rate_baseline").asText()).isEqualTo("mean_12");
    List<Double> gains = new ArrayList<>();
    targets.get("hit_rate_5_monthly_gain_points").forEach(v -> gains.add(v.asDouble()));
    assertThat(gains).containsExactly(1.0, -0.2, 0.7);
    assertThat(targets.get("hit_rate_5_gain_points").asDouble()).isEqualTo(0.5);
    // deviations 0.5, -0.7, 0.2: variance 0.78 / 2; SE = sqrt(0.39 / 3)
    assertThat(targets.get("hit_rate_5_gain_se_points").asDouble()).isEqualTo(Double.parseDouble(ForecastOutputs.num(Math.sqrt(0.39 / 3))));
  }

  private static MetricValues hitOnly(String method, double hitRate5) {
    return new MetricValues(method, 1, null, 100, 1, 1, 0, 1, 0, 0, 0, hitRate5, hitRate5 / 0.05, method.equals("model") ? 0.85 : null);
  }
}
