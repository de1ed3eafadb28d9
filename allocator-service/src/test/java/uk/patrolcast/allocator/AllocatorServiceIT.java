package uk.patrolcast.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.allocator.check.PlanVerifier;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.AreaUniverse;
import uk.patrolcast.allocator.model.Fixtures;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.CensusShares;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.IodScores;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.platform.kafka.TopicProvisioning;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.platform.registry.RegistryOutageProxy;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * The service on a real broker and registry: synthetic reference data, forecasts and ForecastReady
 * in, current plans out (once per forecast set, also after a replay and a restart); what-if
 * requests on the topic and over HTTP answered, bad and infeasible ones refused by name.
 */
class AllocatorServiceIT {
  private static LocalStack stack;
  private static SchemaRegistryClient registry;
  private static KafkaProducer<byte[], byte[]> producer;
  private static final List<Area> AREAS = Fixtures.grid(8, 6, 4);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    stack = LocalStack.startTemporary();
    Properties admin = new Properties();
    admin.put("bootstrap.servers", stack.bootstrapServers());
    try (Admin a = Admin.create(admin)) {
      TopicProvisioning.ensureAll(a);
    }
    registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
    producer = new KafkaProducer<>(KafkaClientConfigs.producer(stack.bootstrapServers(), "it"), new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  @AfterAll
  static void stop() {
    if (producer != null) {
      producer.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> void send(TopicSpec<V> spec, String key, V value) throws Exception {
    producer.send(new ProducerRecord<>(spec.name(), spec.keySerde(registry).serialize(spec.name(), key),
        spec.valueSerde(registry).serialize(spec.name(), value))).get();
  }

  private static AllocatorService service() {
    return service(stack.schemaRegistryUrl());
  }

  private static AllocatorService service(String registryUrl) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ServiceConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
    settings.put(ServiceConfig.SCHEMA_REGISTRY_URL, registryUrl);
    // Two tries per call (about 0.6 s) instead of 12 (45 s): a test's registry outage outlasts them.
    settings.put(ServiceConfig.SCHEMA_REGISTRY_ATTEMPTS, "2");
    settings.put(AllocatorConfig.MODE, "run");
    AllocatorService service = new AllocatorService(new AllocatorConfig(settings));
    service.start();
    return service;
  }

  private static void publishForecasts(String origin, double shift) throws Exception {
    ForecastSet set = Fixtures.flat(origin, AREAS, i -> 0.2 + ((i * 7 + (int) shift) % 10) / 3.0);
    for (Area a : AREAS) {
      Forecast f = ForecastStoreTest.forecast(a.lsoa21cd(), origin, "m1", 1, 0);
      for (int h = 0; h < 12; h++) {
        f.getHorizons().get(11 - h).setPredicted(set.predicted(a.lsoa21cd(), h + 1));
      }
      send(Topics.LSOA_FORECASTS, a.lsoa21cd() + ":" + origin, f);
    }
    send(Topics.FORECAST_READY, origin, ForecastStoreTest.ready(origin, "m1", 1, AREAS.size()));
  }

  private static List<AllocationPlan> planRecords() {
    List<AllocationPlan> out = new ArrayList<>();
    TopicReader.readAll(stack.bootstrapServers(), registry, Topics.PLANS, (k, v) -> out.add(v));
    return out;
  }

  private static Map<String, AllocationPlan> answers() {
    return TopicReader.latest(stack.bootstrapServers(), registry, Topics.WHATIF_RESULTS);
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void plansEachForecastOnceAndAnswersWhatIfs(@TempDir Path out) throws Exception {
    for (Area a : AREAS) {
      send(Topics.LSOA_PROFILES, a.lsoa21cd(), profile(a));
    }
    publishForecasts("2024-01", 0);
    AllocatorService service = service();
    try {
      await().atMost(Duration.ofSeconds(90)).until(() -> "2024-01".equals(service.watermark()));
      List<AllocationPlan> plans = planRecords();
      assertThat(plans).hasSize(1);
      AllocationPlan first = plans.get(0);
      assertThat(first.getPlanId()).isEqualTo("plan-2024-01-r1-m1");
      assertThat(first.getKind()).isEqualTo(PlanKind.CURRENT);
      assertThat(first.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
      assertThat(first.getLsoas()).hasSize(AREAS.size());
      assertThat(first.getForecastModelVersion()).isEqualTo("m1");
      assertThat(first.getDataRevision()).isEqualTo(1);
      assertThat(first.getChange()).isNull();
      ForecastSet firstForecasts = Fixtures.flat("2024-01", AREAS, i -> 0.2 + ((i * 7) % 10) / 3.0);
      assertThat(PlanVerifier.violations(first, AreaUniverse.of(AREAS), firstForecasts, null)).isEmpty();

      // A replayed ForecastReady makes no second plan; the next origin makes one, compared with the first.
      send(Topics.FORECAST_READY, "2024-01", ForecastStoreTest.ready("2024-01", "m1", 1, AREAS.size()));
      publishForecasts("2024-02", 3);
      await().atMost(Duration.ofSeconds(60)).until(() -> "2024-02".equals(service.watermark()));
      plans = planRecords();
      assertThat(plans).extracting(AllocationPlan::getPlanId).containsExactly("plan-2024-01-r1-m1", "plan-2024-02-r1-m1");
      AllocationPlan second = plans.get(1);
      assertThat(second.getChange().getPreviousPlanId()).isEqualTo("plan-2024-01-r1-m1");
      assertThat(second.getChange().getMonthsCompared()).isEqualTo(5);
      assertThat(second.getChange().getLsoasChanged()).isGreaterThan(0);

      // What-if requests on the topic: a plan, an invalid request and an infeasible one, each refused by name.
      send(Topics.WHATIF_REQUESTS, "w1", WhatIfRequest.newBuilder().setRequestId("w1").setBudgetScale(0.9)
          .setRequestedAt(Instant.EPOCH).build());
      send(Topics.WHATIF_REQUESTS, "w2", WhatIfRequest.newBuilder().setRequestId("w2").setBlockHours(-0.5)
          .setRequestedAt(Instant.EPOCH).build());
      send(Topics.WHATIF_REQUESTS, "w3", WhatIfRequest.newBuilder().setRequestId("w3").setBudgetHoursPerDayPerLsoa(0.5)
          .setRequestedAt(Instant.EPOCH).build());
      await().atMost(Duration.ofSeconds(60)).until(() -> answers().size() == 3);
      Map<String, AllocationPlan> answers = answers();
      AllocationPlan w1 = answers.get("w1");
      assertThat(w1.getStatus()).isEqualTo(PlanStatus.OPTIMAL);
      assertThat(w1.getKind()).isEqualTo(PlanKind.WHAT_IF);
      assertThat(w1.getPlanId()).isEqualTo("whatif-w1");
      assertThat(w1.getRequestId()).isEqualTo("w1");
      assertThat(w1.getOriginMonth()).isEqualTo("2024-02");
      assertThat(w1.getParameters().getBudgetHoursPerDayPerLsoa()).isEqualTo(1.8 * 0.9);
      assertThat(w1.getObjective()).isLessThan(second.getObjective());
      assertThat(w1.getChange().getPreviousPlanId()).isEqualTo(second.getPlanId());
      assertThat(answers.get("w2").getStatus()).isEqualTo(PlanStatus.INVALID_REQUEST);
      assertThat(answers.get("w2").getMessage()).isEqualTo("negative block size -0.5");
      assertThat(answers.get("w2").getLsoas()).isEmpty();
      assertThat(answers.get("w3").getStatus()).isEqualTo(PlanStatus.INFEASIBLE);
      assertThat(answers.get("w3").getMessage()).isEqualTo("budget 744 h in 2024-03 is below the sum of the LSOA minimums 1,488 h");
      // What-ifs never become current.
      assertThat(planRecords()).hasSize(2);

      // The same over HTTP.
      HttpResponse<String> ok = post(service.url() + "/whatif?lsoas=false", "{\"budgetScale\": 1.1, \"requestedBy\": \"it\"}");
      assertThat(ok.statusCode()).isEqualTo(200);
      JsonNode plan = HttpApi.JSON.readTree(ok.body());
      assertThat(plan.get("kind").asText()).isEqualTo("WHAT_IF");
      assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
      assertThat(plan.get("objective").asDouble()).isGreaterThan(second.getObjective());
      assertThat(plan.has("lsoas")).isFalse();
      assertThat(plan.get("wards").size()).isEqualTo(8);
      HttpResponse<String> bad = post(service.url() + "/whatif", "{\"blockHours\": -1}");
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(HttpApi.JSON.readTree(bad.body()).get("message").asText()).isEqualTo("negative block size -1");
      HttpResponse<String> typo = post(service.url() + "/whatif", "{\"budgetScal\": 1}");
      assertThat(typo.statusCode()).isEqualTo(422);
      HttpResponse<String> current = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/plans/current")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(HttpApi.JSON.readTree(current.body()).get("planId").asText()).isEqualTo("plan-2024-02-r1-m1");

      // What patrolcast run writes.
      AllocationCsv.write(stack.bootstrapServers(), registry, out);
      assertThat(Files.readAllLines(out.resolve(AllocationCsv.LSOA_FILE))).hasSize(1 + 2 * 6 * AREAS.size());
      assertThat(Files.readAllLines(out.resolve(AllocationCsv.WARD_FILE))).hasSize(1 + 2 * 6 * 8);
    } finally {
      service.close();
    }

    // A restarted service reads its plans back: it does not plan them again and keeps its watermark.
    // It starts while the registry refuses every call: it waits with its state unread, neither
    // skipping records (it would plan again) nor failing.
    try (RegistryOutageProxy proxy = new RegistryOutageProxy(stack.schemaRegistryUrl(), true)) {
      AllocatorService again = service(proxy.url());
      try {
        for (int second = 0; second < 6; second++) {
          Thread.sleep(1_000);
          assertThat(again.alive()).as("alive during the registry outage: %s", again.status()).isTrue();
          assertThat(again.ready()).isFalse();
        }
        assertThat(proxy.refused()).isPositive();
        proxy.down(false);
        await().atMost(Duration.ofSeconds(60)).until(again::ready);
        assertThat(again.watermark()).isEqualTo("2024-02");
        assertThat(again.status()).containsEntry("currentPlan", "plan-2024-02-r1-m1");
        Thread.sleep(1000);
        assertThat(planRecords()).hasSize(2);
        assertThat(answers()).hasSize(3);
      } finally {
        again.close();
      }
    }
  }

  static LsoaProfile profile(Area a) {
    IodScores iod = IodScores.newBuilder().setImd(0).setIncome(0).setEmployment(0).setEducation(0).setHealth(0).setCrime(0)
        .setHousingBarriers(0).setLivingEnvironment(0).setIdaci(0).setIdaopi(0).build();
    CensusShares census = CensusShares.newBuilder().setOwned(0).setSocialRented(0).setPrivateRented(0).setFlats(0).setDetached(0)
        .setSemiDetached(0).setTerraced(0).setOvercrowded(0).setHigherOccupations(0).setRoutineOccupations(0).setNeverWorked(0)
        .setStudents(0).build();
    return LsoaProfile.newBuilder().setLsoa21cd(a.lsoa21cd()).setName(a.lsoa21cd()).setWardCode(a.wardCode())
        .setWardName(a.wardName()).setBoroughCode(a.boroughCode()).setBoroughName(a.boroughCode()).setAreaKm2(a.areaKm2())
        .setPopulation(a.population()).setCentroidLat(51.5).setCentroidLon(-0.1).setNeighbours(List.of())
        .setNeighbourMethod("none").setIod(iod).setCensus(census).setSources("test").build();
  }
}
