package uk.patrolcast.ingest;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.ingest.source.PoliceSource;
import uk.patrolcast.ingest.source.SourceScanner;
import uk.patrolcast.platform.config.Months;

/**
 * What a scan gives ingest to do, in order: the sources of the configured forces by month (and by
 * force in configured order within a month), months after {@code until} dropped silently, future
 * months and unusable sources refused. When two sources claim the same force and month (a zip and
 * its extracted file, say), the first found wins and the other is logged.
 */
public record IngestPlan(Map<YearMonth, List<PoliceSource>> months, List<RejectedRecord> refusals, int ignored) {
  private static final Logger log = LoggerFactory.getLogger(IngestPlan.class);

  public static IngestPlan of(SourceScanner.Scan scan, Forces forces, YearMonth until, YearMonth currentMonth, Instant now) {
    List<RejectedRecord> refusals = new ArrayList<>();
    for (SourceScanner.Problem p : scan.problems()) {
      refusals.add(new RejectedRecord(p.source(), 0L, p.reason(), p.message(), "", 0L, p.month(),
          p.slug() == null ? null : forces.name(p.slug()), null, now));
    }
    Map<String, PoliceSource> byKey = new LinkedHashMap<>();
    int ignored = 0;
    for (PoliceSource s : scan.sources()) {
      if (!forces.contains(s.slug()) || (until != null && s.month().isAfter(until))) {
        ignored++;
        continue;
      }
      if (s.month().isAfter(currentMonth)) {
        refusals.add(new RejectedRecord(s.name(), 0L, RejectionReason.FUTURE_MONTH,
            "The file is for " + Months.format(s.month()) + ", after the current month " + Months.format(currentMonth), "", 0L,
            Months.format(s.month()), forces.name(s.slug()), null, now));
        continue;
      }
      PoliceSource first = byKey.putIfAbsent(s.key(), s);
      if (first != null) {
        log.warn("Two sources for {} {}: using {}, ignoring {}", s.slug(), Months.format(s.month()), first.name(), s.name());
        ignored++;
      }
    }
    Map<YearMonth, List<PoliceSource>> months = new TreeMap<>();
    for (PoliceSource s : byKey.values()) {
      months.computeIfAbsent(s.month(), m -> new ArrayList<>()).add(s);
    }
    months.values().forEach(l -> l.sort(Comparator.comparingInt((PoliceSource s) -> forces.order(s.slug())).thenComparing(PoliceSource::name)));
    return new IngestPlan(months, refusals, ignored);
  }

  /** The first month to ingest, or null when there is none. */
  public String firstMonth() {
    return months.isEmpty() ? null : Months.format(((TreeMap<YearMonth, List<PoliceSource>>) months).firstKey());
  }

  /** The last month to ingest, or null when there is none. */
  public String lastMonth() {
    return months.isEmpty() ? null : Months.format(((TreeMap<YearMonth, List<PoliceSource>>) months).lastKey());
  }

  /** Every source, in month order (forces in their configured order within a month). */
  public List<PoliceSource> sources() {
    List<PoliceSource> out = new ArrayList<>();
    months.values().forEach(out::addAll);
    return out;
  }

  public int sourceCount() {
    return months.values().stream().mapToInt(List::size).sum();
  }
}
