package uk.patrolcast.console.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.patrolcast.events.RejectedRecord;

/** The most recent rejected records (a bounded window) and counts by reason over all of them. */
public final class RejectedLog {
  /** How much of a raw line is kept: enough to recognise it, not the 4 KB the topic allows. */
  static final int RAW_KEEP = 400;

  /** A rejected record as the console shows it. */
  public record Row(
      String source, long line, String reason, String message, String raw, String month, String force, String crimeId,
      String rejectedAt) {}

  private final int capacity;
  private final ArrayDeque<Row> recent = new ArrayDeque<>();
  private final Map<String, Long> byReason = new TreeMap<>();
  private long total;

  public RejectedLog(int capacity) {
    this.capacity = capacity;
  }

  public void add(RejectedRecord r) {
    String raw = r.getRaw();
    if (raw != null && raw.length() > RAW_KEEP) {
      raw = raw.substring(0, RAW_KEEP) + "…";
    }
    recent.addLast(new Row(r.getSource(), r.getLine(), r.getReason().name(), r.getMessage(), raw, r.getMonth(),
        r.getForce(), r.getCrimeId(), String.valueOf(r.getRejectedAt())));
    while (recent.size() > capacity) {
      recent.removeFirst();
    }
    byReason.merge(r.getReason().name(), 1L, Long::sum);
    total++;
  }

  /** Newest first. */
  public List<Row> recent() {
    List<Row> out = new ArrayList<>(recent);
    java.util.Collections.reverse(out);
    return out;
  }

  public Map<String, Long> byReason() {
    return new LinkedHashMap<>(byReason);
  }

  public long total() {
    return total;
  }
}
