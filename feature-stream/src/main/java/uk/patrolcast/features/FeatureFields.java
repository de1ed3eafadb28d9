package uk.patrolcast.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import uk.patrolcast.events.LsoaMonthFeatures;

/**
 * The fields of a feature row in the order of {@code LsoaMonthFeatures.avsc}, with the deterministic
 * text forms used by {@code features.csv} and the JSON answers: columns {@code month,lsoa21cd,count}
 * first, then every other field in schema order, named in snake_case ({@code nbrLag1} →
 * {@code nbr_lag1}, {@code areaKm2} → {@code area_km2}); integers as they are, decimals rounded to 6
 * places with trailing zeros dropped and never an exponent, nulls empty.
 */
public final class FeatureFields {
  private static final Schema SCHEMA = LsoaMonthFeatures.getClassSchema();
  private static final List<String> LEADING = List.of("month", "lsoa21cd", "count");
  /** Schema positions in CSV column order. */
  private static final int[] COLUMNS = columns();

  private FeatureFields() {}

  private static int[] columns() {
    List<Integer> order = new ArrayList<>();
    LEADING.forEach(name -> order.add(SCHEMA.getField(name).pos()));
    for (Schema.Field f : SCHEMA.getFields()) {
      if (!LEADING.contains(f.name())) {
        order.add(f.pos());
      }
    }
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The CSV header line (no line end). */
  public static String csvHeader() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < COLUMNS.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(snakeCase(SCHEMA.getFields().get(COLUMNS[i]).name()));
    }
    return out.toString();
  }

  /** One CSV line (no line end). */
  public static String csvLine(LsoaMonthFeatures row) {
    StringBuilder out = new StringBuilder(400);
    for (int i = 0; i < COLUMNS.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendValue(out, row.get(COLUMNS[i]));
    }
    return out.toString();
  }

  /** The row as a JSON-ready map in schema order. */
  public static Map<String, Object> asMap(LsoaMonthFeatures row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Schema.Field f : SCHEMA.getFields()) {
      Object v = row.get(f.pos());
      out.put(f.name(), v instanceof CharSequence cs ? cs.toString() : v);
    }
    return out;
  }

  /** {@code camelCase} → {@code camel_case}; digits stay attached ({@code lag12}, {@code areaKm2} → {@code area_km2}). */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static void appendValue(StringBuilder out, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Double d) {
      out.append(decimal(d));
    } else if (value instanceof CharSequence cs) {
      appendText(out, cs.toString());
    } else {
      out.append(value);
    }
  }

  /** Rounded to 6 decimal places, trailing zeros dropped, no exponent, no negative zero. */
  public static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value).toLowerCase(Locale.ROOT);
    }
    long micros = Math.round(value * 1_000_000d);
    if (micros == 0) {
      return "0";
    }
    StringBuilder out = new StringBuilder(24);
    if (micros < 0) {
      out.append('-');
    }
    long abs = Math.abs(micros);
    out.append(abs / 1_000_000);
    long fraction = abs % 1_000_000;
    if (fraction != 0) {
      String digits = Long.toString(1_000_000 + fraction).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    return out.toString();
  }

  /** Text quoted only when it must be (comma, quote or line break), quotes doubled. */
  private static void appendText(StringBuilder out, String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      out.append(text);
      return;
    }
    out.append('"').append(text.replace("\"", "\"\"")).append('"');
  }
}
