package uk.patrolcast.console.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of the Resources page: typed columns and rows, filtered and sorted by a {@link TableQuery},
 * shown a page at a time or written whole as CSV (RFC 4180).
 */
public final class Table {
  /** How a column is filtered, sorted and written. */
  public enum Type { TEXT, NUMBER }

  public record Column(String name, Type type) {}

  private final String name;
  private final List<Column> columns;
  private final List<Object[]> rows;

  public Table(String name, List<Column> columns, List<Object[]> rows) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  public static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  public static Column number(String name) {
    return new Column(name, Type.NUMBER);
  }

  public String name() {
    return name;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<Object[]> rows() {
    return rows;
  }

  /** Index of a column by name, or -1. */
  public int column(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The rows the query keeps, in its order. */
  public Table query(TableQuery q) {
    TableQuery.Compiled compiled = q.compile(this);
    List<Object[]> kept = new ArrayList<>();
    for (Object[] row : rows) {
      if (compiled.matches(row)) {
        kept.add(row);
      }
    }
    int sort = q.sort() == null ? -1 : column(q.sort());
    if (sort >= 0) {
      // Unknown values go last in either direction.
      Comparator<Object> values = q.descending() ? ((a, b) -> compareCells(b, a)) : Table::compareCells;
      kept.sort(Comparator.comparing(r -> r[sort], Comparator.nullsLast(values)));
    }
    return new Table(name, columns, kept);
  }

  /** A page of rows for the browser, with the counts it needs for paging. */
  public Map<String, Object> page(int offset, int limit, int totalBeforeFilter) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("table", name);
    out.put("columns", columns);
    out.put("total", totalBeforeFilter);
    out.put("matching", rows.size());
    int from = Math.min(Math.max(0, offset), rows.size());
    int to = Math.min(rows.size(), from + Math.max(0, limit));
    out.put("offset", from);
    List<Object[]> page = new ArrayList<>(to - from);
    for (Object[] r : rows.subList(from, to)) {
      Object[] copy = new Object[r.length];
      for (int i = 0; i < r.length; i++) {
        copy[i] = r[i] instanceof Double d && !Double.isFinite(d) ? null : r[i];
      }
      page.add(copy);
    }
    out.put("rows", page);
    return out;
  }

  /** Writes the header and every row as CSV. */
  public void writeCsv(Appendable out) {
    try {
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(escape(columns.get(i).name()));
      }
      out.append("\r\n");
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            out.append(',');
          }
          out.append(cell(row[i]));
        }
        out.append("\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One CSV cell: numbers in plain notation, text quoted when needed and defused against formula injection. */
  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
    }
    if (v instanceof Float f) {
      return cell(Double.valueOf(f.toString()));
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return escape(v.toString());
  }

  private static String escape(String s) {
    // A spreadsheet would run a cell starting with these as a formula.
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareCells(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Comparable c && a.getClass() == b.getClass()) {
      return c.compareTo(b);
    }
    return a.toString().compareTo(b.toString());
  }
}
