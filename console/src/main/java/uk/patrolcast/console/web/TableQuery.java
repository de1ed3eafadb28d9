package uk.patrolcast.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import uk.patrolcast.platform.http.HttpApi.Request;

/**
 * Which rows of a {@link Table} to show: {@code q} (text anywhere in the row), per-column filters
 * ({@code f.<column>=...}: text contains, {@code =text} exact; numbers {@code 3}, {@code >=3},
 * {@code <3}, {@code 1..5}), and a sort column with direction.
 */
public record TableQuery(String text, Map<String, String> filters, String sort, boolean descending) {

  public static TableQuery all() {
    return new TableQuery(null, Map.of(), null, false);
  }

  /** From query parameters {@code q}, {@code f.<column>}, {@code sort}, {@code desc}. */
  public static TableQuery of(Request r) {
    Map<String, String> filters = new LinkedHashMap<>();
    r.query().forEach((k, v) -> {
      if (k.startsWith("f.") && !v.isEmpty() && !v.get(0).isBlank()) {
        filters.put(k.substring(2), v.get(0).trim());
      }
    });
    String q = r.query("q", null);
    return new TableQuery(q == null || q.isBlank() ? null : q.trim(), filters, r.query("sort", null),
        Boolean.parseBoolean(r.query("desc", "false")));
  }

  /** The query bound to a table's columns; unknown columns are an error the user can read. */
  Compiled compile(Table table) {
    List<Predicate<Object[]>> tests = new ArrayList<>();
    for (Map.Entry<String, String> f : filters.entrySet()) {
      int c = table.column(f.getKey());
      if (c < 0) {
        throw new IllegalArgumentException("Table " + table.name() + " has no column '" + f.getKey() + "'");
      }
      tests.add(table.columns().get(c).type() == Table.Type.NUMBER ? numeric(c, f.getValue()) : textual(c, f.getValue()));
    }
    if (text != null) {
      String needle = text.toLowerCase(Locale.ROOT);
      tests.add(row -> {
        for (Object v : row) {
          if (v != null && v.toString().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
          }
        }
        return false;
      });
    }
    return new Compiled(tests);
  }

  /** A query ready to test rows. */
  static final class Compiled {
    private final List<Predicate<Object[]>> tests;

    Compiled(List<Predicate<Object[]>> tests) {
      this.tests = tests;
    }

    boolean matches(Object[] row) {
      for (Predicate<Object[]> t : tests) {
        if (!t.test(row)) {
          return false;
        }
      }
      return true;
    }
  }

  private static Predicate<Object[]> textual(int c, String value) {
    if (value.startsWith("=")) {
      String exact = value.substring(1);
      return row -> row[c] != null && row[c].toString().equalsIgnoreCase(exact);
    }
    String needle = value.toLowerCase(Locale.ROOT);
    return row -> row[c] != null && row[c].toString().toLowerCase(Locale.ROOT).contains(needle);
  }

  static Predicate<Object[]> numeric(int c, String spec) {
    String s = spec.replace(" ", "");
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    boolean loOpen = false;
    boolean hiOpen = false;
    try {
      if (s.contains("..")) {
        String[] parts = s.split("\\.\\.", -1);
        lo = parts[0].isEmpty() ? lo : Double.parseDouble(parts[0]);
        hi = parts[1].isEmpty() ? hi : Double.parseDouble(parts[1]);
      } else if (s.startsWith(">=")) {
        lo = Double.parseDouble(s.substring(2));
      } else if (s.startsWith("<=")) {
        hi = Double.parseDouble(s.substring(2));
      } else if (s.startsWith(">")) {
        lo = Double.parseDouble(s.substring(1));
        loOpen = true;
      } else if (s.startsWith("<")) {
        hi = Double.parseDouble(s.substring(1));
        hiOpen = true;
      } else {
        lo = hi = Double.parseDouble(s.startsWith("=") ? s.substring(1) : s);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + spec + "' is not a number filter: use 3, >=3, <3 or 1..5");
    }
    double min = lo;
    double max = hi;
    boolean minOpen = loOpen;
    boolean maxOpen = hiOpen;
    return row -> {
      if (!(row[c] instanceof Number n)) {
        return false;
      }
      double v = n.doubleValue();
      return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
    };
  }
}
