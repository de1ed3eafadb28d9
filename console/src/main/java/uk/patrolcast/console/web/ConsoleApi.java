package uk.patrolcast.console.web;

import static uk.patrolcast.console.web.Compression.gzip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uk.patrolcast.console.feed.TopicFeed;
import uk.patrolcast.console.ops.OperationsMonitor;
import uk.patrolcast.console.view.ConsoleState;
import uk.patrolcast.console.view.RejectedLog;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.Response;

/**
 * Every route of the console: the page shell and its bundled assets, the live event stream, the
 * summary every page shows in its header, the Operations data, and the routes of each page's API.
 */
public final class ConsoleApi {
  private final ConsoleState state;
  private final TopicFeed feed;
  private final OperationsMonitor operations;
  private final EventStream events;
  private final Supplier<Map<String, BoundaryShapes>> shapes;

  public ConsoleApi(ConsoleState state, TopicFeed feed, OperationsMonitor operations, EventStream events,
      Supplier<Map<String, BoundaryShapes>> shapes) {
    this.state = state;
    this.feed = feed;
    this.operations = operations;
    this.events = events;
    this.shapes = shapes;
  }

  public void register(HttpApi http, StaticAssets assets, OverviewApi overview, InsightsApi insights,
      AllocationApi allocation, ResourcesApi resources) {
    http.get("/", r -> assets.index());
    http.get("/index.html", r -> assets.index());
    http.raw("/assets/", assets);
    http.raw("/api/events", events);
    http.get("/api/summary", gzip(r -> Response.json(summary())));
    http.get("/api/ops", gzip(r -> Response.json(operations())));
    overview.register(http);
    insights.register(http);
    allocation.register(http);
    resources.register(http);
  }

  /** What every page's header shows, and what tells a page which months and origins exist. */
  public Map<String, Object> summary() {
    Map<String, Object> out = state.read(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", s.version());
      m.put("watermarks", s.watermarks().stages());
      m.put("lsoas", s.lsoas().size());
      m.put("wards", s.wards().size());
      m.put("profiles", s.profileCount());
      m.put("months", s.counts().months());
      m.put("sliderMonths", OverviewApi.sliderMonths(s));
      m.put("origins", s.lsoaForecasts().origins());
      m.put("latestOrigin", s.lsoaForecasts().latestOrigin());
      m.put("plan", s.currentPlan() == null ? null : Map.of("planId", s.currentPlan().planId(),
          "originMonth", s.currentPlan().originMonth(), "months", s.currentPlan().months()));
      m.put("evaluations", s.evaluations().size());
      m.put("riskScores", s.logRisk().count());
      m.put("rejected", s.rejected().total());
      return m;
    });
    out.put("caughtUp", feed.caughtUp());
    Map<String, BoundaryShapes> loaded = shapes.get();
    out.put("boundaries", loaded.keySet());
    return out;
  }

  Map<String, Object> operations() {
    Map<String, Object> out = new LinkedHashMap<>(operations.latest());
    out.put("feed", feed.status());
    out.put("browsers", events.clients());
    state.read(s -> {
      out.put("watermarks", s.watermarks().stages());
      out.put("closedMonths", tail(s.watermarks().closedMonths(), 24));
      out.put("snapshots", tail(s.watermarks().snapshotMonths(), 24));
      out.put("forecastOrigins", tail(s.watermarks().forecastOrigins(), 24));
      out.put("plans", tail(s.planSummaries(), 12).stream().map(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("planId", "originMonth", "status", "createdAt", "figures")) {
          m.put(k, p.get(k));
        }
        return m;
      }).toList());
      Map<String, Object> rejected = new LinkedHashMap<>();
      rejected.put("total", s.rejected().total());
      rejected.put("byReason", s.rejected().byReason());
      List<RejectedLog.Row> recent = s.rejected().recent();
      rejected.put("recent", recent.subList(0, Math.min(25, recent.size())));
      out.put("rejected", rejected);
      out.put("recordsByTopic", s.recordsByTopic());
      return null;
    });
    return out;
  }

  private static <T> List<T> tail(List<T> list, int n) {
    return list.subList(Math.max(0, list.size() - n), list.size());
  }
}
