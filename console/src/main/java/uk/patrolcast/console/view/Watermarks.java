package uk.patrolcast.console.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.MonthClosed;
import uk.patrolcast.events.SnapshotReady;

/**
 * How far each stage has got, from the stages' own announcements: the latest month ingested
 * (MonthClosed), featured (SnapshotReady), forecast (ForecastReady) and allocated (the newest current
 * plan), with the per-month facts of each announcement.
 */
public final class Watermarks {
  private final TreeMap<String, Map<String, Object>> closed = new TreeMap<>();
  private final TreeMap<String, Map<String, Object>> snapshots = new TreeMap<>();
  private final TreeMap<String, Map<String, Object>> forecasts = new TreeMap<>();
  private final TreeMap<String, String> plans = new TreeMap<>();

  public void monthClosed(MonthClosed m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("month", m.getMonth());
    row.put("revision", m.getRevision());
    row.put("records", m.getRecordCount());
    row.put("rejected", m.getRejectedCount());
    row.put("sources", m.getSources().size());
    row.put("lsoaCount", m.getLsoaCount());
    row.put("checksum", m.getChecksum());
    row.put("closedAt", String.valueOf(m.getClosedAt()));
    closed.put(m.getMonth(), row);
  }

  public void snapshotReady(SnapshotReady s) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("month", s.getMonth());
    row.put("revision", s.getRevision());
    row.put("lsoaCount", s.getLsoaCount());
    row.put("totalCount", s.getTotalCount());
    row.put("cause", s.getCause().name());
    row.put("readyAt", String.valueOf(s.getReadyAt()));
    snapshots.put(s.getMonth(), row);
  }

  public void forecastReady(ForecastReady f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("originMonth", f.getOriginMonth());
    row.put("dataRevision", f.getDataRevision());
    row.put("modelVersion", f.getModelVersion());
    row.put("lsoaCount", f.getLsoaCount());
    row.put("wardCount", f.getWardCount());
    row.put("totalNextMonth", f.getTotalNextMonth());
    row.put("createdAt", String.valueOf(f.getCreatedAt()));
    forecasts.put(f.getOriginMonth(), row);
  }

  public void planned(String originMonth, String planId) {
    plans.put(originMonth, planId);
  }

  public String ingested() {
    return closed.isEmpty() ? null : closed.lastKey();
  }

  public String featured() {
    return snapshots.isEmpty() ? null : snapshots.lastKey();
  }

  public String forecast() {
    return forecasts.isEmpty() ? null : forecasts.lastKey();
  }

  public String allocated() {
    return plans.isEmpty() ? null : plans.lastKey();
  }

  /** The four stage watermarks, in flow order. */
  public Map<String, String> stages() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("ingested", ingested());
    out.put("featured", featured());
    out.put("forecast", forecast());
    out.put("allocated", allocated());
    return out;
  }

  public List<Map<String, Object>> closedMonths() {
    return new ArrayList<>(closed.values());
  }

  public List<Map<String, Object>> snapshotMonths() {
    return new ArrayList<>(snapshots.values());
  }

  public List<Map<String, Object>> forecastOrigins() {
    return new ArrayList<>(forecasts.values());
  }

  public Map<String, Object> closedMonth(String month) {
    return closed.get(month);
  }
}
