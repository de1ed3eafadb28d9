package uk.patrolcast.console.web;

import static uk.patrolcast.console.web.Compression.gzip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.console.view.ConsoleState;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.Request;
import uk.patrolcast.platform.http.HttpApi.Response;

/** The Resources page: every table, filtered and paged as JSON, or downloaded whole as CSV. */
public final class ResourcesApi {
  private static final int MAX_PAGE = 1000;
  private final ConsoleState state;

  public ResourcesApi(ConsoleState state) {
    this.state = state;
  }

  public void register(HttpApi http) {
    http.get("/api/tables", r -> Response.json(state.read(ResourcesApi::catalogue)));
    http.get("/api/tables/{name}", gzip(r -> Response.json(page(r))));
    http.get("/api/tables/{name}/csv", gzip(this::csv));
  }

  static List<Map<String, Object>> catalogue(ConsoleState s) {
    List<Map<String, Object>> out = new ArrayList<>();
    ResourceTables.TABLES.forEach((name, description) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("description", description);
      m.put("params", ResourceTables.params(s, name));
      out.add(m);
    });
    return out;
  }

  private Map<String, Object> page(Request r) {
    int offset = integer(r, "offset", 0);
    int limit = Math.min(MAX_PAGE, integer(r, "limit", 100));
    TableQuery q = TableQuery.of(r);
    return state.read(s -> {
      Table all = ResourceTables.build(s, r.param("name"), r.query("param", null));
      return all.query(q).page(offset, limit, all.rows().size());
    });
  }

  private Response csv(Request r) {
    TableQuery q = TableQuery.of(r);
    StringBuilder out = new StringBuilder(1 << 16);
    String name = r.param("name");
    state.read(s -> {
      ResourceTables.build(s, name, r.query("param", null)).query(q).writeCsv(out);
      return null;
    });
    String param = r.query("param", null);
    String file = "patrolcast-" + name + (param == null || param.isBlank() ? "" : "-" + param.replaceAll("[^0-9A-Za-z-]", "")) + ".csv";
    return new Response(200, "text/csv; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8),
        Map.of("Content-Disposition", "attachment; filename=\"" + file + "\""));
  }

  private static int integer(Request r, String name, int fallback) {
    try {
      int v = Integer.parseInt(r.query(name, Integer.toString(fallback)));
      if (v < 0) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
  }
}
