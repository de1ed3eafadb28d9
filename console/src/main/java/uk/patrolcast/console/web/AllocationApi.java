package uk.patrolcast.console.web;

import static uk.patrolcast.console.web.Compression.gzip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.console.feed.WhatIfClient;
import uk.patrolcast.console.view.ConsoleState;
import uk.patrolcast.console.view.PlanDiff;
import uk.patrolcast.console.view.PlanSnapshot;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.HttpError;
import uk.patrolcast.platform.http.HttpApi.Request;
import uk.patrolcast.platform.http.HttpApi.Response;

/**
 * The Allocation page's data: the current plan (summary, ward rows, hours per LSOA for a month) and
 * the what-if action, which needs the token, publishes a request, waits for the allocator's answer
 * and returns it with its difference from the current plan.
 */
public final class AllocationApi {
  private static final Logger log = LoggerFactory.getLogger(AllocationApi.class);
  private static final int KEEP_RESULTS = 20;

  private final ConsoleState state;
  private final TokenGuard guard;
  private final WhatIfClient whatIf;
  private final Duration timeout;
  private final Map<String, Map<String, Object>> results =
      Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
          return size() > KEEP_RESULTS;
        }
      });

  public AllocationApi(ConsoleState state, TokenGuard guard, WhatIfClient whatIf, Duration timeout) {
    this.state = state;
    this.guard = guard;
    this.whatIf = whatIf;
    this.timeout = timeout;
  }

  public void register(HttpApi http) {
    http.get("/api/session", r -> Response.json(session()));
    http.get("/api/plan", gzip(r -> Response.json(state.read(AllocationApi::plan))));
    http.get("/api/plan/hours", gzip(r -> Response.json(state.read(s -> hours(s, monthIndex(r))))));
    http.get("/api/plans", gzip(r -> Response.json(state.read(ConsoleState::planSummaries))));
    http.post("/api/whatif", gzip(this::runWhatIf));
    http.get("/api/whatif/{id}", gzip(r -> {
      Map<String, Object> result = results.get(r.param("id"));
      if (result == null) {
        throw new HttpError(404, 40403, "No what-if " + r.param("id") + " among the last " + KEEP_RESULTS);
      }
      return Response.json(result);
    }));
  }

  Map<String, Object> session() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("writesEnabled", guard.writesEnabled());
    out.put("message", guard.writesEnabled()
        ? "Read-only without a token; what-if needs the console token."
        : "Read-only: no console.token is configured, so what-if is disabled.");
    return out;
  }

  private static int monthIndex(Request r) {
    try {
      return Integer.parseInt(r.query("month", "0"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("month must be the index of a planned month (0 for the first)");
    }
  }

  static Map<String, Object> plan(ConsoleState s) {
    PlanSnapshot p = s.currentPlan();
    Map<String, Object> out = new LinkedHashMap<>();
    if (p == null) {
      out.put("plan", null);
      return out;
    }
    out.put("plan", p.summary());
    out.put("wards", wardRows(s, p));
    return out;
  }

  static List<Map<String, Object>> wardRows(ConsoleState s, PlanSnapshot p) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PlanSnapshot.WardRow w : p.wards()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("wardCode", w.wardCode());
      row.put("wardName", w.wardName());
      row.put("borough", s.boroughNames().getOrDefault(w.boroughCode(), w.boroughCode()));
      row.put("boroughCode", w.boroughCode());
      row.put("population", w.population());
      row.put("hours", JsonArrays.one(w.totalHours(), 1));
      row.put("forecast", JsonArrays.one(w.totalForecast(), 2));
      row.put("hoursPerForecast", JsonArrays.one(w.totalForecast() > 0 ? w.totalHours() / w.totalForecast() : Double.NaN, 2));
      double floor = 0;
      for (double f : w.floorHours()) {
        floor += f;
      }
      row.put("floorHours", JsonArrays.one(floor, 1));
      row.put("hoursToPopulationShare", JsonArrays.one(w.hoursToPopulationShare(), 3));
      rows.add(row);
    }
    return rows;
  }

  static Map<String, Object> hours(ConsoleState s, int month) {
    PlanSnapshot p = s.currentPlan();
    if (p == null) {
      throw new HttpError(404, 40404, "No current plan yet");
    }
    if (month < 0 || month >= p.months().size()) {
      throw new IllegalArgumentException("month must be 0.." + (p.months().size() - 1));
    }
    int n = s.lsoas().size();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("planId", p.planId());
    out.put("month", p.months().get(month));
    out.put("hours", JsonArrays.of(p.hours(month).toArray(n), 2));
    out.put("min", JsonArrays.of(p.minHours(month).toArray(n), 2));
    out.put("max", JsonArrays.of(p.maxHours(month).toArray(n), 2));
    out.put("forecast", JsonArrays.of(p.forecast(month).toArray(n), 3));
    return out;
  }

  private Response runWhatIf(Request r) throws InterruptedException {
    guard.requireWrite(r);
    WhatIfRequest request = WhatIfForm.parse(r.json(), "console");
    long started = System.nanoTime();
    AllocationPlan answer;
    try {
      answer = whatIf.ask(request, timeout);
    } catch (TimeoutException e) {
      throw new HttpError(504, 50401, "No answer from the allocator within " + timeout.toSeconds()
          + " s (is the allocator service running?); request " + request.getRequestId());
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    PlanSnapshot candidate = PlanSnapshot.of(answer, state.lsoas());
    Map<String, Object> body = state.read(s -> result(s, request, candidate, millis));
    results.put(request.getRequestId(), body);
    log.info("what-if {} answered {} in {} ms", request.getRequestId(), answer.getStatus(), millis);
    return Response.json(body);
  }

  static Map<String, Object> result(ConsoleState s, WhatIfRequest request, PlanSnapshot candidate, long millis) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("requestId", request.getRequestId());
    out.put("status", candidate.status());
    out.put("message", candidate.message());
    out.put("millis", millis);
    out.put("plan", candidate.summary());
    PlanSnapshot current = s.currentPlan();
    out.put("current", current == null ? null : current.summary());
    if (candidate.optimal() && current != null) {
      int n = s.lsoas().size();
      PlanDiff d = PlanDiff.between(current, candidate, n);
      Map<String, Object> diff = new LinkedHashMap<>();
      diff.put("months", d.months());
      diff.put("baseTotals", JsonArrays.of(d.baseTotals(), 1));
      diff.put("candidateTotals", JsonArrays.of(d.candidateTotals(), 1));
      diff.put("netChange", JsonArrays.one(d.netChange(), 1));
      diff.put("lsoaMonthsChanged", d.lsoaMonthsChanged());
      diff.put("hoursAdded", JsonArrays.one(d.hoursAdded(), 1));
      diff.put("hoursRemoved", JsonArrays.one(d.hoursRemoved(), 1));
      diff.put("hoursMoved", JsonArrays.one(d.hoursMoved(), 1));
      diff.put("maxChange", JsonArrays.one(d.maxChange(), 2));
      List<Map<String, Object>> wards = new ArrayList<>();
      for (PlanDiff.WardChange w : d.wards()) {
        wards.add(Map.of("wardCode", w.wardCode(), "wardName", w.wardName(),
            "borough", s.boroughNames().getOrDefault(w.boroughCode(), w.boroughCode()),
            "current", JsonArrays.one(w.baseHours(), 1), "whatIf", JsonArrays.one(w.candidateHours(), 1),
            "delta", JsonArrays.one(w.delta(), 1)));
      }
      diff.put("wards", wards);
      Map<String, Double> boroughs = new LinkedHashMap<>();
      d.boroughs().forEach((code, delta) -> boroughs.put(s.boroughNames().getOrDefault(code, code), JsonArrays.one(delta, 1)));
      diff.put("boroughs", boroughs);
      diff.put("lsoaDelta", JsonArrays.of(d.lsoaDelta(), 1));
      out.put("diff", diff);
    }
    return out;
  }
}
