package uk.patrolcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.events.EvaluationKind;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.ModelEvaluation;
import uk.patrolcast.events.RiskScore;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * The service on a real broker and registry: a small synthetic feature history goes in (profiles,
 * feature rows, SnapshotReady, rows and ready events interleaved as a stream would), and forecasts,
 * ForecastReady, risk scores and evaluations come out; OUT files are written from the topics.
 */
class ForecastServiceIT {
  private static final int AREAS = 24;
  private static final int MONTHS = 80;

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
      publish(stack.bootstrapServers(), registry, table);

      Map<String, Object> settings = new HashMap<>();
      settings.put(ServiceConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
      settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
      settings.put(ServiceConfig.STATE_DIR, state.toString());
      settings.put(ForecastConfig.MODE, "run");
      settings.put(ForecastConfig.TRAIN_UNTIL, Months.format(cutoff));
      settings.put(ForecastConfig.FOLDS, "2");
      settings.put(ForecastConfig.FOLD_STEP, "3");
      settings.put(ForecastConfig.FOLD_WINDOW, "4");
      settings.put(ForecastConfig.PARAMS, "eta=0.1,max_depth=3,train_years=2,max_rounds=40");
      try (ForecastService service = new ForecastService(new ForecastConfig(settings))) {
        service.start();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
            .until(() -> Months.format(table.lastMonth()).equals(service.watermark()) || !service.alive());
        assertThat(service.alive()).as("service status %s", service.status()).isTrue();
        assertThat(service.status()).containsEntry("watermark", Months.format(table.lastMonth()));
      }

      Map<String, ForecastReady> ready = TopicReader.latest(stack.bootstrapServers(), registry, Topics.FORECAST_READY);
      assertThat(ready.keySet()).containsExactlyInAnyOrder(Months.format(cutoff), Months.format(cutoff.plusMonths(1)),
          Months.format(cutoff.plusMonths(2)));
      ForecastReady last = ready.get(Months.format(table.lastMonth()));
      assertThat(last.getLsoaCount()).isEqualTo(AREAS);
      assertThat(last.getWardCount()).isEqualTo(AREAS / 4);
      assertThat(last.getModelVersion()).startsWith("fc-" + Months.format(cutoff) + "-poisson-");

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

  /** Profiles first, then each month's rows with its SnapshotReady sent before the last rows (order must not matter). */
  private static void publish(String bootstrap, SchemaRegistryClient registry, FeatureTable table) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClientConfigs.producer(bootstrap, "it-feed"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      AreaProfiles areas = table.areas();
      for (int i = 0; i < areas.size(); i++) {
        List<String> nb = new ArrayList<>();
        for (int j : areas.neighbours(i)) {
          nb.add(areas.code(j));
        }
        send(producer, registry, Topics.LSOA_PROFILES, areas.code(i), profile(areas, i, nb));
      }
      for (int m = 0; m < table.counts().months(); m++) {
        String month = Months.format(table.counts().month(m));
        for (int i = 0; i < areas.size(); i++) {
          if (i == areas.size() - 1) {
            send(producer, registry, Topics.SNAPSHOT_READY, month,
                new SnapshotReady(month, 1, areas.size(), (int) table.counts().total(m), 1, SnapshotCause.CLOSED, Instant.now()));
          }
          send(producer, registry, Topics.FEATURES, areas.code(i) + ":" + month, row(areas, i, month, table.counts().count(m, i), m + 1));
        }
      }
      producer.flush();
    }
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> void send(KafkaProducer<byte[], byte[]> producer,
      SchemaRegistryClient registry, TopicSpec<V> spec, String key, V value) {
    producer.send(new ProducerRecord<>(spec.name(), spec.keySerde(registry).serializer().serialize(spec.name(), key),
        spec.valueSerde(registry).serializer().serialize(spec.name(), value)));
  }

  private static LsoaMonthFeatures row(AreaProfiles a, int i, String month, int count, int history) {
    return LsoaMonthFeatures.newBuilder().setLsoa21cd(a.code(i)).setMonth(month).setWardCode(a.ward(i)).setBoroughCode(a.borough(i))
        .setCount(count).setHistory(history).setMonthOfYear(Integer.parseInt(month.substring(5))).setNeighbourCount(a.neighbours(i).length)
        .setPopulation((int) a.staticValue(i, "population")).setAreaKm2(a.staticValue(i, "areaKm2")).setDensity(a.staticValue(i, "density"))
        .setImd(a.staticValue(i, "imd")).setIncome(a.staticValue(i, "income")).setEmployment(a.staticValue(i, "employment"))
        .setEducation(a.staticValue(i, "education")).setHealth(a.staticValue(i, "health")).setCrime(a.staticValue(i, "crime"))
        .setHousingBarriers(a.staticValue(i, "housingBarriers")).setLivingEnvironment(a.staticValue(i, "livingEnvironment"))
        .setOwned(a.staticValue(i, "owned")).setSocialRented(a.staticValue(i, "socialRented"))
        .setPrivateRented(a.staticValue(i, "privateRented")).setFlats(a.staticValue(i, "flats")).setDetached(a.staticValue(i, "detached"))
        .setOvercrowded(a.staticValue(i, "overcrowded")).setStudents(a.staticValue(i, "students")).setMonthRevision(1)
        .setSnapshotRevision(1).build();
  }

  private static LsoaProfile profile(AreaProfiles a, int i, List<String> neighbours) {
    return LsoaProfile.newBuilder().setLsoa21cd(a.code(i)).setName(a.code(i)).setWardCode(a.ward(i)).setWardName("ward")
        .setBoroughCode(a.borough(i)).setBoroughName("borough").setAreaKm2(a.staticValue(i, "areaKm2"))
        .setPopulation((int) a.staticValue(i, "population")).setCentroidLat(51.5).setCentroidLon(-0.1).setNeighbours(neighbours)
        .setNeighbourMethod("ring (test)").setIod(new uk.patrolcast.events.IodScores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
        .setCensus(new uk.patrolcast.events.CensusShares(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)).setSources("test")
        .build();
  }
}
