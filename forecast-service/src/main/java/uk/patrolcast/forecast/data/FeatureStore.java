package uk.patrolcast.forecast.data;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.platform.config.Months;

/**
 * What the forecast service keeps of the feature topics, compactly: per month a count and a snapshot
 * revision per area (primitive arrays, not Avro objects), per area the latest profile values and
 * neighbour codes. A month is complete once {@code SnapshotReady.lsoaCount} rows of it carry the
 * ready revision; rows and the ready event may be polled in any order. The last complete state of
 * each month is kept apart, so a correction in flight never mixes into a table.
 */
public final class FeatureStore {
  private static final Logger log = LoggerFactory.getLogger(FeatureStore.class);

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> codes = new ArrayList<>();
  private final List<String> wards = new ArrayList<>();
  private final List<String> boroughs = new ArrayList<>();
  private final List<double[]> statics = new ArrayList<>();
  private final Map<String, String[]> neighbours = new HashMap<>();
  private final TreeMap<YearMonth, MonthRows> months = new TreeMap<>();

  /** A month completed (first time or at a new revision). */
  public record Completed(YearMonth month, int revision) {}

  public void accept(LsoaProfile p) {
    neighbours.put(p.getLsoa21cd(), p.getNeighbours().toArray(String[]::new));
  }

  public void accept(LsoaMonthFeatures f) {
    int i = areaIndex(f.getLsoa21cd());
    wards.set(i, f.getWardCode());
    boroughs.set(i, f.getBoroughCode());
    statics.set(i, staticValues(f));
    YearMonth m = Months.parse(f.getMonth());
    months.computeIfAbsent(m, k -> new MonthRows()).row(i, f.getCount(), f.getSnapshotRevision());
  }

  public void accept(SnapshotReady r) {
    MonthRows rows = months.computeIfAbsent(Months.parse(r.getMonth()), k -> new MonthRows());
    if (r.getRevision() >= rows.readyRevision) {
      rows.readyRevision = r.getRevision();
      rows.readyCount = r.getLsoaCount();
    }
  }

  /** Months that became complete (or complete at a newer revision) since the last call, in month order. */
  public List<Completed> drainCompleted() {
    List<Completed> out = new ArrayList<>();
    for (Map.Entry<YearMonth, MonthRows> e : months.entrySet()) {
      MonthRows rows = e.getValue();
      if (rows.readyRevision > rows.completeRevision && rows.rowsAt(rows.readyRevision) == rows.readyCount) {
        rows.complete();
        out.add(new Completed(e.getKey(), rows.completeRevision));
      }
    }
    return out;
  }

  /** The latest month with a SnapshotReady, complete or not (null when none). */
  public YearMonth latestAnnounced() {
    YearMonth last = null;
    for (Map.Entry<YearMonth, MonthRows> e : months.entrySet()) {
      if (e.getValue().readyRevision > 0) {
        last = e.getKey();
      }
    }
    return last;
  }

  /**
   * The complete months as a table: from the first complete month up to the month before the first
   * gap (a month not complete), areas in code order. Null when no month is complete.
   */
  public FeatureTable table() {
    YearMonth first = null;
    YearMonth last = null;
    for (Map.Entry<YearMonth, MonthRows> e : months.entrySet()) {
      boolean complete = e.getValue().completeRevision > 0;
      if (first == null) {
        if (complete) {
          first = e.getKey();
          last = first;
        }
      } else if (complete && e.getKey().equals(last.plusMonths(1))) {
        last = e.getKey();
      } else {
        break;
      }
    }
    if (first == null) {
      return null;
    }
    MonthRows latest = months.get(last);
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      if (i < latest.completeCounts.length && latest.completeCounts[i] >= 0) {
        members.add(i);
      }
    }
    members.sort((a, b) -> codes.get(a).compareTo(codes.get(b)));
    int n = members.size();
    String[] c = new String[n];
    String[] w = new String[n];
    String[] b = new String[n];
    double[][] s = new double[n][];
    Map<String, Integer> pos = new HashMap<>();
    for (int k = 0; k < n; k++) {
      int i = members.get(k);
      c[k] = codes.get(i);
      w[k] = wards.get(i);
      b[k] = boroughs.get(i);
      s[k] = statics.get(i);
      pos.put(c[k], k);
    }
    int[][] nb = new int[n][];
    int missing = 0;
    for (int k = 0; k < n; k++) {
      String[] list = neighbours.get(c[k]);
      if (list == null) {
        missing++;
        nb[k] = new int[0];
        continue;
      }
      nb[k] = Arrays.stream(list).map(pos::get).filter(j -> j != null).mapToInt(Integer::intValue).sorted().toArray();
    }
    if (missing > 0) {
      log.warn("{} of {} areas have no LsoaProfile yet: their neighbour features are missing", missing, n);
    }
    int span = Months.between(first, last) + 1;
    int[][] counts = new int[span][n];
    int[] revisions = new int[span];
    for (int m = 0; m < span; m++) {
      MonthRows rows = months.get(first.plusMonths(m));
      revisions[m] = rows.completeRevision;
      for (int k = 0; k < n; k++) {
        int i = members.get(k);
        counts[m][k] = i < rows.completeCounts.length ? Math.max(0, rows.completeCounts[i]) : 0;
      }
    }
    return new FeatureTable(new AreaProfiles(c, w, b, nb, s), new CountHistory(first, counts), revisions);
  }

  private int areaIndex(String code) {
    Integer i = index.get(code);
    if (i == null) {
      i = codes.size();
      index.put(code, i);
      codes.add(code);
      wards.add(null);
      boroughs.add(null);
      statics.add(null);
    }
    return i;
  }

  private static double[] staticValues(LsoaMonthFeatures f) {
    return new double[] {
      f.getPopulation(), f.getAreaKm2(), f.getDensity(),
      f.getImd(), f.getIncome(), f.getEmployment(), f.getEducation(), f.getHealth(), f.getCrime(), f.getHousingBarriers(),
      f.getLivingEnvironment(),
      f.getOwned(), f.getSocialRented(), f.getPrivateRented(), f.getFlats(), f.getDetached(), f.getOvercrowded(), f.getStudents()
    };
  }

  /** One month's rows: working counts and revisions per area, and the last complete copy. */
  private static final class MonthRows {
    int[] counts = new int[0];
    int[] revisions = new int[0];
    int[] completeCounts = new int[0];
    int readyRevision;
    int readyCount;
    int completeRevision;

    void row(int area, int count, int revision) {
      if (area >= counts.length) {
        int size = Math.max(area + 1, counts.length * 2);
        int old = counts.length;
        counts = Arrays.copyOf(counts, size);
        revisions = Arrays.copyOf(revisions, size);
        Arrays.fill(revisions, old, size, 0);
      }
      if (revision >= revisions[area]) {
        counts[area] = count;
        revisions[area] = revision;
      }
    }

    int rowsAt(int revision) {
      int n = 0;
      for (int r : revisions) {
        if (r == revision) {
          n++;
        }
      }
      return n;
    }

    void complete() {
      completeCounts = new int[counts.length];
      for (int i = 0; i < counts.length; i++) {
        completeCounts[i] = revisions[i] == readyRevision ? counts[i] : -1;
      }
      completeRevision = readyRevision;
    }
  }
}
