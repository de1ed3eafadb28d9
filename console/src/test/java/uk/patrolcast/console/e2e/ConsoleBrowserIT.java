package uk.patrolcast.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.console.ConsoleConfig;
import uk.patrolcast.console.ConsoleService;
import uk.patrolcast.console.TestStack;
import uk.patrolcast.platform.files.FileTree;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.stack.FreePorts;
import uk.patrolcast.platform.stack.LocalStack;

/**
 * The console in a real browser (Debian's Chromium, headless) against the console on the local
 * stack with real data: every page opens and shows what the server holds, the month slider moves,
 * an LSOA is clicked, a what-if runs (refused without the right token), a CSV downloads, a new
 * month arrives live, and each page is saved as a screenshot under target/screenshots. The time to
 * a painted map of all 4,994 LSOAs and the bytes downloaded are printed and written to
 * target/screenshots/page-load.json (measured, not asserted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
  private static final Logger log = LoggerFactory.getLogger(ConsoleBrowserIT.class);
  private static final String TOKEN = "e2e-token";
  private static final long WAIT_S = Long.getLong("console.e2e.wait.s", 600);

  private final Path shots = Path.of(System.getProperty("console.screenshots", "target/screenshots"));
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Object> measured = new LinkedHashMap<>();
  private LocalStack stack;
  private ConsoleEvents events;
  private Path eventsState;
  private ConsoleService console;
  private Browser browser;
  private String base;

  /** A failed check leaves a picture of what the browser showed. */
  @RegisterExtension
  final TestWatcher screenshotOnFailure = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      try {
        if (browser != null) {
          browser.screenshot(shots, "failed-" + context.getRequiredTestMethod().getName());
        }
      } catch (Exception e) {
        log.warn("no failure screenshot: {}", e.toString());
      }
    }
  };

  private final long classStarted = System.nanoTime();

  @BeforeAll
  void start() throws Exception {
    Assumptions.assumeTrue(Browser.available(), "chromedriver or chromium missing (apt-get install -y chromium chromium-driver)");
    Path data = Path.of(System.getProperty("patrolcast.data.dir", "../shared/data"));
    Assumptions.assumeTrue(Files.isDirectory(data.resolve("police-uk")), "shared data not found at " + data.toAbsolutePath());
    long t0 = System.nanoTime();
    String bootstrap = System.getProperty("console.e2e.bootstrap");
    String registry = System.getProperty("console.e2e.registry");
    if (bootstrap == null) {
      stack = LocalStack.startTemporary();
      bootstrap = stack.bootstrapServers();
      registry = stack.schemaRegistryUrl();
    }
    TestStack.ensureTopics(bootstrap);
    int port = FreePorts.pick();
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", bootstrap);
    settings.put("schema.registry.url", registry);
    settings.put("data.dir", data.toAbsolutePath().toString());
    settings.put("http.port", Integer.toString(port));
    settings.put(ConsoleConfig.TOKEN, TOKEN);
    settings.put(ConsoleConfig.HEALTH_URLS, "console=http://127.0.0.1:" + port + "/health/live,registry=" + registry + "/subjects");
    settings.put(ConsoleConfig.OPS_INTERVAL_MS, "2000");
    console = new ConsoleService(new ConsoleConfig(settings));
    console.start();
    base = console.url();
    events = ConsoleEvents.select();
    eventsState = Files.createTempDirectory("console-e2e-state");
    events.start(bootstrap, registry, data.toAbsolutePath(), eventsState);
    waitForData();
    measured.put("setup_s", round((System.nanoTime() - t0) / 1e9));
    browser = new Browser();
  }

  /** Waits until the console has read what every page needs. */
  private void waitForData() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_S).toNanos();
    String expected = events.expectedIngestedMonth();
    while (true) {
      JsonNode s = api("/api/summary");
      boolean ready = s.path("caughtUp").asBoolean() && s.path("profiles").asInt() >= 4994 && !s.path("plan").isNull()
          && s.path("evaluations").asInt() > 0 && s.path("riskScores").asInt() > 0 && s.path("boundaries").size() >= 3
          && (expected == null || expected.equals(s.path("watermarks").path("ingested").asText()))
          && (expected == null || expected.equals(s.path("watermarks").path("allocated").asText()));
      if (ready) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The console did not get the data every page needs within " + WAIT_S + " s: " + s);
      }
      Thread.sleep(1000);
    }
  }

  @Test
  @Order(1)
  void overviewMapsAllOfLondonMovesThroughMonthsAndShowsAClickedArea() throws Exception {
    browser.open(base + "/#/overview", "overview");
    WebElement map = paintedMap("overview-map");
    measureLoad();

    JsonNode summary = api("/api/summary");
    List<String> months = list(summary.path("months"));
    String latest = months.get(months.size() - 1);
    assertThat(browser.test("month-label").getText()).isEqualTo(latest);
    assertShownTotal(latest);

    // Three months back with the keyboard, as a person would move the slider.
    WebElement slider = browser.test("month-slider");
    for (int i = 0; i < 3; i++) {
      slider.sendKeys(Keys.ARROW_LEFT);
    }
    String earlier = months.get(months.size() - 4);
    browser.waiting(30).until(d -> earlier.equals(browser.test("month-label").getText()));
    assertShownTotal(earlier);
    assertThat(browser.test("predicted-total").getText()).isNotEqualTo("–");
    assertHonestPrediction(earlier);

    clickSomeArea("overview-map", "selected-name");
    assertThat(browser.test("area-panel").getText()).contains("Actual " + earlier).contains("Predicted");
    // Read as a person reads them: an LSOA's 80% bounds are whole numbers ("0–3", not "0.0–3.0"), the
    // forecast is "1 month ahead", and recorded burglaries are classed in whole numbers ("0", "4 – 6", "≥ 7").
    assertThat(browser.test("area-panel").getText()).containsPattern("\\(80%: \\d+–\\d+\\)");
    assertThat(String.valueOf(browser.js("return document.querySelector('.cards').textContent"))).contains("1 month ahead");
    assertThat(browser.test("mode").getAttribute("value")).isEqualTo("actual");
    String legend = String.valueOf(browser.js("return [...document.querySelector('[data-test=overview-map]').parentElement"
        + ".querySelectorAll('.legend-row')].map(r => r.textContent).join('|')"));
    assertThat(legend.split("\\|")).as(legend).hasSizeGreaterThan(3).allMatch(l -> l.matches("\\d+|\\d+ – \\d+|≥ \\d+|no data"));
    assertThat(browser.tests("timeline-chart")).hasSize(1);
    assertThat(browser.test("timeline-chart").findElements(By.tagName("circle")).size()).isGreaterThan(20);
    browser.screenshot(shots, "1-overview");

    // Wards: the same page at the other level.
    new org.openqa.selenium.support.ui.Select(browser.test("level")).selectByValue("ward");
    browser.waiting(60).until(d -> "684".equals(map.getAttribute("data-polygons")));
    browser.screenshot(shots, "1b-overview-wards");
    new org.openqa.selenium.support.ui.Select(browser.test("level")).selectByValue("lsoa");
    browser.waiting(60).until(d -> "4994".equals(map.getAttribute("data-polygons")));

    // Live: a new month flows through every stage while the page is open.
    browser.js("arguments[0].focus()", slider);
    for (int i = 0; i < 3; i++) {
      slider.sendKeys(Keys.ARROW_RIGHT);
    }
    browser.waiting(30).until(d -> latest.equals(browser.test("month-label").getText()));
    if (events.advance()) {
      String next = events.expectedIngestedMonth();
      browser.waiting(WAIT_S).until(d -> next.equals(browser.test("wm-ingested").getText()));
      browser.waiting(WAIT_S).until(d -> next.equals(browser.test("wm-allocated").getText()));
      browser.waiting(120).until(d -> next.equals(browser.test("month-label").getText()));
      assertShownTotal(next);
      measured.put("live_update", "month " + next + " reached the open page through server-sent events");
    }
    assertThat(browser.test("live").getText()).isEqualTo("live");
  }

  @Test
  @Order(2)
  void insightsShowsRiskCorrelationsEvaluationsAndTheDriversOfAClickedLsoa() throws Exception {
    awaitDriversOfTheLatestOrigin();
    browser.open(base + "/#/insights", "insights");
    WebElement map = paintedMap("risk-map");
    clickSomeArea("risk-map", "lsoa-name");
    browser.waiting(30).until(d -> !browser.tests("drivers-chart").isEmpty() || !browser.tests("no-drivers").isEmpty());
    assertThat(browser.tests("drivers-chart")).as("SHAP drivers of the clicked LSOA").hasSize(1);
    assertThat(browser.test("drivers-chart").findElements(By.tagName("rect"))).isNotEmpty();
    assertThat(browser.test("lsoa-history").findElements(By.tagName("circle"))).isNotEmpty();

    WebElement table = browser.waiting(30).until(d -> browser.test("correlation-table"));
    assertThat(table.getAttribute("data-rows")).isEqualTo("22");
    JsonNode corr = api("/api/correlations?months=12");
    String strongest = corr.path("rows").get(0).path("variable").asText();
    assertThat(browser.test("correlation-chart").getText()).contains(strongest);
    assertThat(Integer.parseInt(browser.test("scatter").getAttribute("data-points"))).isGreaterThan(4900);

    JsonNode evals = api("/api/evaluations");
    assertThat(browser.test("evaluation-chart").findElements(By.tagName("path")).size()).isGreaterThanOrEqualTo(5);
    String methods = browser.test("evaluation-table").getText();
    evals.get(evals.size() - 1).path("pooled").fieldNames().forEachRemaining(m -> assertThat(methods).contains(m));
    browser.screenshot(shots, "2-insights");
  }

  @Test
  @Order(3)
  void allocationShowsThePlanAndRunsAWhatIfOnlyWithTheToken() throws Exception {
    browser.open(base + "/#/allocation", "allocation");
    JsonNode plan = api("/api/plan").path("plan");
    assertThat(browser.textOf("plan-id", 30)).isEqualTo(plan.path("planId").asText());
    WebElement map = paintedMap("plan-map");
    assertThat(browser.test("ward-table").getAttribute("data-rows")).isEqualTo(String.valueOf(plan.path("wards").asInt()));
    // The solver card's value is the method alone (as short as its neighbours); how it ran and the proof are its note.
    String solver = plan.path("figures").path("solver").asText();
    assertThat(solver).contains(" (").contains("optimal by Lagrangian dual bound");
    assertThat(browser.text("plan-solver")).isEqualTo(solver.substring(0, solver.indexOf(" (")));
    assertThat(String.valueOf(browser.js("return document.querySelector('[data-test=plan-solver]').parentElement.textContent")))
        .contains("block columns").contains("optimal by Lagrangian dual bound").contains(plan.path("figures").path("forecastModelVersion").asText());

    WebElement budget = browser.test("budget");
    for (int i = 0; i < 4; i++) {
      budget.sendKeys(Keys.ARROW_LEFT);
    }
    double current = plan.path("parameters").path("budgetHoursPerDayPerLsoa").asDouble();
    assertThat(browser.test("budget-label").getText()).startsWith(String.format("%.2f", current - 0.2));

    WebElement token = browser.test("token");
    token.clear();
    token.sendKeys("not-the-token");
    browser.test("run-whatif").click();
    assertThat(browser.textOf("whatif-error", 30)).contains("not accepted");

    token.clear();
    token.sendKeys(TOKEN);
    long t = System.nanoTime();
    browser.test("run-whatif").click();
    String status = browser.textOf("whatif-status", 120);
    measured.put("whatif_s", round((System.nanoTime() - t) / 1e9));
    assertThat(status).startsWith("OPTIMAL");
    String[] hours = browser.test("whatif-hours").getText().replace(",", "").split(" → ");
    assertThat(Double.parseDouble(hours[1])).as("a smaller budget plans fewer hours").isLessThan(Double.parseDouble(hours[0]));
    assertThat(browser.test("whatif-wards").getAttribute("data-rows")).isEqualTo(String.valueOf(plan.path("wards").asInt()));
    browser.waiting(30).until(d -> "delta".equals(browser.js("return document.querySelector('[data-test=plan-view]').value")));
    browser.screenshot(shots, "3-allocation");
  }

  @Test
  @Order(4)
  void resourcesFilterATableAndDownloadItAsCsv() throws Exception {
    browser.open(base + "/#/resources", "resources");
    browser.waiting(30).until(d -> browser.test("resource-table").getAttribute("data-rows") != null);
    browser.test("table-rejected").click();
    browser.waiting(30).until(d -> !browser.tests("filter-reason").isEmpty());
    browser.test("filter-reason").sendKeys("NO_LSOA");
    JsonNode expected = api("/api/tables/rejected?f.reason=NO_LSOA&limit=1");
    int matching = expected.path("matching").asInt();
    assertThat(matching).isPositive();
    browser.waiting(30).until(d -> String.valueOf(matching).equals(browser.test("table-info").getAttribute("data-matching")));

    browser.test("csv-download").click();
    File csv = browser.download("patrolcast-rejected.csv", 60);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(csv.toPath())).getRecords();
    assertThat(rows).hasSize(matching);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("reason")).isEqualTo("NO_LSOA"));
    measured.put("csv_rows", rows.size());

    // Another table: the latest origin's LSOA forecasts, 12 horizons of each LSOA (the page shows 50 rows of them).
    browser.test("table-forecasts").click();
    int forecasts = api("/api/tables/forecasts?limit=1").path("matching").asInt();
    assertThat(forecasts).isEqualTo(4994 * 12);
    browser.waiting(30).until(d -> String.valueOf(forecasts).equals(browser.test("table-info").getAttribute("data-matching"))
        && "50".equals(browser.test("resource-table").getAttribute("data-rows")));
    browser.screenshot(shots, "4-resources");
  }

  @Test
  @Order(5)
  void operationsShowsTopicsSchemasWatermarksHealthAndRejections() throws Exception {
    browser.open(base + "/#/operations", "operations");
    JsonNode ops = api("/api/ops");
    assertThat(browser.attribute("topics-table", "data-rows")).isEqualTo("16");
    assertThat(browser.text("topics-table")).contains("features.lsoa-month.v1", "allocations.plan.v1");
    assertThat(browser.text("stage-ingested")).isEqualTo(ops.path("watermarks").path("ingested").asText());
    assertThat(browser.text("stage-allocated")).isEqualTo(ops.path("watermarks").path("allocated").asText());
    assertThat(Integer.parseInt(browser.attribute("schemas-table", "data-rows"))).isGreaterThanOrEqualTo(20);
    browser.waiting(30).until(d -> browser.text("health-table").contains("registry"));
    assertThat(browser.text("health-table")).contains("UP");
    assertThat(browser.attribute("rejected-table", "data-rows")).isNotEqualTo("0");
    browser.screenshot(shots, "5-operations");

    // The console's own operational endpoints.
    assertThat(status("/health/live")).isEqualTo(200);
    assertThat(status("/health/ready")).isEqualTo(200);
    String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("console_feed_records_total", "console_whatif_duration_seconds", "jvm_memory_used_bytes");
  }

  /**
   * The forecast service publishes an origin's SHAP drivers in a second transaction after its
   * forecasts (forecast-service README): waits until the console holds the latest origin's.
   */
  private void awaitDriversOfTheLatestOrigin() throws Exception {
    String code = api("/api/areas").path("lsoa").path("codes").get(0).asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_S).toNanos();
    while (true) {
      String latest = api("/api/summary").path("latestOrigin").asText();
      JsonNode lsoa = api("/api/lsoa/" + code);
      if (latest.equals(lsoa.path("driversOrigin").asText()) && !lsoa.path("drivers").isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No SHAP drivers of origin " + latest + " within " + WAIT_S + " s: " + lsoa.path("driversOrigin"));
      }
      Thread.sleep(1000);
    }
  }

  /** The map of a page once all 4,994 LSOAs are drawn and coloured. */
  private WebElement paintedMap(String test) {
    WebElement map = browser.test(test);
    browser.waiting(120).until(d -> "4994".equals(map.getAttribute("data-polygons")) && map.getAttribute("data-painted") != null);
    return map;
  }

  /** The London total the page shows for a month equals the server's, and the source's own count when it has one. */
  private void assertShownTotal(String month) throws Exception {
    JsonNode m = api("/api/map/lsoa/" + month);
    long total = Math.round(m.path("actualTotal").asDouble());
    browser.waiting(30).until(d -> String.format("%,d", total).equals(browser.test("actual-total").getText()));
    Double independent = events.expectedTotal(month);
    if (independent != null) {
      assertThat((double) total).as("London total of " + month + " against an independent count of the police.uk files").isEqualTo(independent);
    }
  }

  /**
   * A past month's prediction on the page is the server's, and an honest one: a one-month-ahead
   * forecast made the month before, by a model trained up to that origin at the latest.
   */
  private void assertHonestPrediction(String month) throws Exception {
    JsonNode m = api("/api/map/lsoa/" + month);
    JsonNode source = m.path("prediction");
    assertThat(source.path("horizon").asInt()).as("horizon of the prediction shown for " + month).isEqualTo(1);
    String origin = source.path("origin").asText();
    assertThat(origin).isEqualTo(java.time.YearMonth.parse(month).minusMonths(1).toString());
    java.util.regex.Matcher version = java.util.regex.Pattern.compile("fc-(\\d{4}-\\d{2})-.*").matcher(source.path("modelVersion").asText());
    if (version.matches()) {
      assertThat(version.group(1)).as("the model's training cut-off, against the origin " + origin).isLessThanOrEqualTo(origin);
    }
    String shown = String.format("%,d", Math.round(m.path("predictedTotal").asDouble()));
    browser.waiting(30).until(d -> shown.equals(browser.test("predicted-total").getText()));
  }

  /** Clicks the map at a few points near its centre until an area is selected (the Thames is not an LSOA). */
  private void clickSomeArea(String mapTest, String selectedTest) {
    WebElement map = browser.test(mapTest);
    int[][] offsets = {{-60, -40}, {0, 0}, {80, 60}, {-120, 50}, {40, -90}, {150, -20}};
    for (int[] o : offsets) {
      new Actions(browser.driver).moveToElement(map, o[0], o[1]).click().perform();
      try {
        browser.textOf(selectedTest, 5);
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        log.info("no area at offset {},{}; trying another point", o[0], o[1]);
      }
    }
    throw new AssertionError("Clicking the map selected no area");
  }

  /** Page load of the Overview with a cold cache: time to the painted map and bytes downloaded. */
  @SuppressWarnings("unchecked")
  private void measureLoad() throws Exception {
    Map<String, Object> m = (Map<String, Object>) browser.js("""
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource');
        const painted = performance.getEntriesByName('patrolcast-map-painted')[0];
        const sum = (k) => res.reduce((s, r) => s + (r[k] || 0), 0) + (nav[k] || 0);
        return {
          domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
          loadEventMs: Math.round(nav.loadEventEnd),
          mapPaintedMs: painted ? Math.round(painted.startTime) : null,
          transferBytes: sum('transferSize'),
          decodedBytes: sum('decodedBodySize'),
          requests: res.length + 1,
          largest: res.map((r) => ({ url: r.name.replace(location.origin, ''), transfer: r.transferSize, decoded: r.decodedBodySize }))
            .sort((a, b) => b.transfer - a.transfer).slice(0, 6)
        };""");
    measured.put("overview_cold", m);
    log.info("Overview, all 4,994 LSOAs, cold cache: map painted after {} ms, {} bytes transferred ({} decoded) in {} requests",
        m.get("mapPaintedMs"), m.get("transferBytes"), m.get("decodedBytes"), m.get("requests"));
    System.out.println("PAGE LOAD overview (4,994 LSOAs, cold cache): map painted " + m.get("mapPaintedMs") + " ms, transferred "
        + m.get("transferBytes") + " B, decoded " + m.get("decodedBytes") + " B, requests " + m.get("requests"));
  }

  private JsonNode api(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return HttpApi.JSON.readTree(r.body());
  }

  private int status(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static List<String> list(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (!measured.isEmpty()) {
        // The whole class (pipeline, console, broker and browser driving), for CI budgeting: wall, this JVM's CPU, load.
        measured.put("class_wall_s", round((System.nanoTime() - classStarted) / 1e9));
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean jvm) {
          measured.put("jvm_cpu_s", round(jvm.getProcessCpuTime() / 1e9));
        }
        measured.put("load_average", round(os.getSystemLoadAverage()));
        Files.createDirectories(shots);
        HttpApi.JSON.writerWithDefaultPrettyPrinter().writeValue(shots.resolve("page-load.json").toFile(), measured);
        System.out.println("MEASURED " + HttpApi.JSON.writeValueAsString(measured));
      }
    } finally {
      if (browser != null) {
        browser.close();
      }
      if (console != null) {
        console.close();
      }
      if (events != null) {
        events.close();
      }
      if (stack != null) {
        stack.close();
      }
      if (eventsState != null) {
        FileTree.deleteQuietly(eventsState);
      }
    }
  }
}
