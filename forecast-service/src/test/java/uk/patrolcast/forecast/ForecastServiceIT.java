package uk.patrolcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.EvaluationKind;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.platform.registry.RegistryOutageProxy;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * The service on a real broker and registry: a small synthetic feature history goes in (profiles,
 * feature rows, SnapshotReady, rows and ready events interleaved as a stream would), and forecasts,
 * ForecastReady, risk scores and evaluations come out; OUT files are written from the topics. The
 * service starts behind a registry that refuses every call for its first seconds.
 */
class ForecastServiceIT {
  private static final int AREAS = 24;
  private static final int MONTHS = 80;
  private static final int OUTAGE_SECONDS = 6;

  @Test
  void forecastsEveryOriginFromTheCutoffAndAnnouncesThem(@TempDir Path state, @TempDir Path out) throws Exception {
    FeatureTable table = SyntheticData.table(AREAS, MONTHS, 21);
    YearMonth cutoff = table.lastMonth().minusMonths(2);
    try (LocalStack stack = LocalStack.startTemporary()) {
      Properties admin = new Properties();
      admin.put("bootstrap.servers", stack.bootstrapServers());
      try (Admin a = Admin.create(admin)) {
        TopicProvisioning.ensureAll(a);
      }
      SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
      try (SyntheticFeed feed = new SyntheticFeed(stack.bootstrapServers(), registry, table, "it-feed")) {
        // Profiles last: the service starts on topics already full (as after a restart) and must act
        // on all of them, never on the months it happened to read before the neighbour lists.
        for (int m = 0; m < MONTHS; m++) {
          feed.month(m, 1, SnapshotCause.CLOSED, table.counts().monthCounts(m));
        }
        feed.profiles();
        feed.flush();
      }

      RegistryOutageProxy proxy = new RegistryOutageProxy(stack.schemaRegistryUrl(), true);
      Map<String, Object> settings = new HashMap<>();
      settings.put(ServiceConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
      settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, proxy.url());
      // Two tries per call (about 0.6 s) instead of 12 (45 s): the outage below outlasts them.
      settings.put(ServiceConfig.SCHEMA_REGISTRY_ATTEMPTS, "2");
      settings.put(ServiceConfig.STATE_DIR, state.toString());
      settings.put(ForecastConfig.MODE, "run");
      settings.put(ForecastConfig.TRAIN_UNTIL, Months.format(cutoff));
      settings.put(ForecastConfig.FOLDS, "2");
      settings.put(ForecastConfig.FOLD_STEP, "3");
      settings.put(ForecastConfig.FOLD_WINDOW, "4");
      settings.put(ForecastConfig.PARAMS, "eta=0.1,max_depth=3,train_years=2,max_rounds=40");
      ForecastConfig config = new ForecastConfig(settings);
      try (ForecastService service = new ForecastService(config)) {
        service.start();
        // The registry refuses every call while the service meets its inputs' schema ids: it must
        // wait with the record unread, neither skip it nor fail.
        for (int second = 0; second < OUTAGE_SECONDS; second++) {
          Thread.sleep(1_000);
          assertThat(service.alive()).as("alive during the registry outage: %s", service.status()).isTrue();
        }
        assertThat(service.status()).as("nothing read, nothing skipped").containsEntry("unreadableRecords", 0);
        assertThat(service.watermark()).isNull();
        assertThat(proxy.refused()).isPositive();
        proxy.down(false);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
            .until(() -> Months.format(table.lastMonth()).equals(service.watermark()) || !service.alive());
        assertThat(service.alive()).as("service status %s", service.status()).isTrue();
        assertThat(service.status()).containsEntry("watermark", Months.format(table.lastMonth()));
      } finally {
        proxy.close();
      }

      TopicReader.awaitSettled(stack.bootstrapServers(), Duration.ofSeconds(30), Topics.FORECAST_READY.name(),
          Topics.LSOA_FORECASTS.name(), Topics.WARD_FORECASTS.name(), Topics.RISK_SCORES.name(), Topics.EVALUATIONS.name());
      Map<String, ForecastReady> ready = TopicReader.latest(stack.bootstrapServers(), registry, Topics.FORECAST_READY);
      assertThat(ready.keySet()).containsExactlyInAnyOrder(Months.format(cutoff), Months.format(cutoff.plusMonths(1)),
          Months.format(cutoff.plusMonths(2)));
      ForecastReady last = ready.get(Months.format(table.lastMonth()));
      assertThat(last.getLsoaCount()).isEqualTo(AREAS);
      assertThat(last.getWardCount()).isEqualTo(AREAS / 4);
      assertThat(last.getModelVersion()).startsWith("fc-" + Months.format(cutoff) + "-poisson-");
      // The version hashes the booster: the same model as one trained here on the whole table.
      try (var direct = new TrainingJob(config).train(table, cutoff, null).model()) {
        assertThat(last.getModelVersion()).as("model trained by the service on the topics").isEqualTo(direct.version());
      }

      Map<String, Forecast> lsoa = TopicReader.latest(stack.bootstrapServers(), registry, Topics.LSOA_FORECASTS);
      assertThat(lsoa).hasSize(3 * AREAS);
      Forecast one = lsoa.get(table.areas().code(0) + ":" + Months.format(cutoff));
      assertThat(one.getHorizons()).hasSize(12);
      assertThat(one.getHorizons().get(0).getTargetMonth()).isEqualTo(Months.format(cutoff.plusMonths(1)));
      assertThat(one.getHorizons().get(0).getLower80()).isLessThanOrEqualTo(one.getHorizons().get(0).getPredicted());
      assertThat(one.getDrivers()).hasSize(5);
      Map<String, Forecast> wards = TopicReader.latest(stack.bootstrapServers(), registry, Topics.WARD_FORECASTS);
      assertThat(wards).hasSize(3 * AREAS / 4);
      Forecast ward = wards.get(table.areas().ward(0) + ":" + Months.format(cutoff));
      double sum = 0;
      for (int i = 0; i < 4; i++) {
        sum += lsoa.get(table.areas().code(i) + ":" + Months.format(cutoff)).getHorizons().get(0).getPredicted();
      }
      assertThat(ward.getHorizons().get(0).getPredicted()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-9));

      Map<String, RiskScore> risk = TopicReader.latest(stack.bootstrapServers(), registry, Topics.RISK_SCORES);
      assertThat(risk).hasSize(AREAS);
      Map<String, ModelEvaluation> evaluations = TopicReader.latest(stack.bootstrapServers(), registry, Topics.EVALUATIONS);
      assertThat(evaluations.values()).extracting(ModelEvaluation::getKind).contains(EvaluationKind.VALIDATION, EvaluationKind.BACKTEST);

      List<String> models = ForecastOutputs.write(stack.bootstrapServers(), registry, out);
      assertThat(models).containsExactly(last.getModelVersion());
      assertThat(Files.readAllLines(out.resolve("forecasts.csv"))).hasSize(1 + 3 * AREAS * 12)
          .first().isEqualTo("origin_month,target_month,lsoa21cd,ward_code,predicted,lower80,upper80,model_version");
      assertThat(Files.readAllLines(out.resolve("forecasts_ward.csv"))).hasSize(1 + 3 * AREAS / 4 * 12);
      assertThat(Files.readAllLines(out.resolve("risk_scores.csv"))).hasSize(1 + AREAS);
      assertThat(Files.readString(out.resolve("evaluations.json"))).contains("\"BACKTEST\"", "\"summary\"", "\"risk_models\"");
      assertThat(state.resolve("forecast").resolve("models").resolve(last.getModelVersion()).resolve("manifest.json")).exists();
    }
  }
}
