package uk.patrolcast.console.view;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.avro.Schema;
import uk.patrolcast.events.LsoaMonthFeatures;

/**
 * The full feature rows of the latest few months, one float column per numeric field of
 * {@link LsoaMonthFeatures} (whatever fields the schema has); older months are dropped.
 */
public final class RecentFeatures {
  /** Numeric fields of the schema, in schema order. */
  public static final List<String> COLUMNS;
  private static final int[] POSITIONS;

  static {
    List<String> names = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (Schema.Field f : LsoaMonthFeatures.getClassSchema().getFields()) {
      if (numeric(f.schema())) {
        names.add(f.name());
        positions.add(f.pos());
      }
    }
    COLUMNS = List.copyOf(names);
    POSITIONS = positions.stream().mapToInt(Integer::intValue).toArray();
  }

  private final int keep;
  private final TreeMap<String, AreaValues[]> byMonth = new TreeMap<>();

  public RecentFeatures(int keepMonths) {
    this.keep = keepMonths;
  }

  /** Stores a row unless its month is older than every kept month and the store is full. */
  public void put(int area, LsoaMonthFeatures row) {
    String month = row.getMonth();
    if (!byMonth.containsKey(month) && byMonth.size() >= keep && month.compareTo(byMonth.firstKey()) < 0) {
      return;
    }
    AreaValues[] cols = byMonth.computeIfAbsent(month, m -> newColumns());
    for (int c = 0; c < POSITIONS.length; c++) {
      Object v = row.get(POSITIONS[c]);
      cols[c].set(area, v instanceof Number n ? n.doubleValue() : Double.NaN);
    }
    while (byMonth.size() > keep) {
      byMonth.pollFirstEntry();
    }
  }

  public List<String> months() {
    return new ArrayList<>(byMonth.keySet());
  }

  /** The columns of a month (in {@link #COLUMNS} order), or null. */
  public AreaValues[] month(String month) {
    return byMonth.get(month);
  }

  private static AreaValues[] newColumns() {
    AreaValues[] cols = new AreaValues[POSITIONS.length];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = new AreaValues(5000);
    }
    return cols;
  }

  private static boolean numeric(Schema s) {
    return switch (s.getType()) {
      case INT, LONG, FLOAT, DOUBLE -> true;
      case UNION -> s.getTypes().stream().anyMatch(RecentFeatures::numeric)
          && s.getTypes().stream().allMatch(t -> t.getType() == Schema.Type.NULL || numeric(t));
      default -> false;
    };
  }
}
