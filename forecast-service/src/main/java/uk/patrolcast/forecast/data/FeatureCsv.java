package uk.patrolcast.forecast.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.patrolcast.platform.config.Months;

/**
 * Reads a {@code features.csv} ({@code month,lsoa21cd,count,} then the LsoaMonthFeatures fields; as
 * {@code patrolcast run} writes it, optionally gzipped) and a neighbours file
 * ({@code lsoa21cd,neighbours} with the neighbour codes separated by {@code ;}) into a
 * {@link FeatureTable}. Column names are matched ignoring case and underscores, so
 * {@code ward_code} and {@code wardCode} both work. Only counts, ward, borough, profile values and
 * the snapshot revision are read: the models derive their own lag features from the counts.
 */
public final class FeatureCsv {
  private FeatureCsv() {}

  public static FeatureTable read(Path features, Path neighbours) {
    Map<String, String[]> neighbourCodes = readNeighbours(neighbours);
    try (BufferedReader reader = open(features);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      Map<String, Integer> columns = new HashMap<>();
      parser.getHeaderMap().forEach((name, pos) -> columns.put(normalise(name), pos));
      int month = require(columns, features, "month");
      int lsoa = require(columns, features, "lsoa21cd");
      int count = require(columns, features, "count");
      int ward = require(columns, features, "wardCode");
      int borough = require(columns, features, "boroughCode");
      int[] statics = new int[AreaProfiles.STATIC_FEATURES.size()];
      for (int f = 0; f < statics.length; f++) {
        statics[f] = require(columns, features, AreaProfiles.STATIC_FEATURES.get(f));
      }
      Integer revision = columns.get(normalise("snapshotRevision"));

      TreeMap<String, Area> areas = new TreeMap<>();
      TreeMap<YearMonth, Map<String, int[]>> months = new TreeMap<>();
      for (CSVRecord r : parser) {
        String code = r.get(lsoa);
        YearMonth m = Months.parse(r.get(month));
        int rev = revision == null || r.get(revision).isEmpty() ? 1 : Integer.parseInt(r.get(revision));
        int c;
        try {
          c = Integer.parseInt(r.get(count));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(features + " line " + r.getRecordNumber() + ": count '" + r.get(count) + "' is not a whole number");
        }
        months.computeIfAbsent(m, k -> new HashMap<>()).put(code, new int[] {c, rev});
        Area a = areas.computeIfAbsent(code, k -> new Area());
        a.ward = r.get(ward);
        a.borough = r.get(borough);
        a.statics = new double[statics.length];
        for (int f = 0; f < statics.length; f++) {
          a.statics[f] = number(r, statics[f], features);
        }
      }
      if (months.isEmpty()) {
        throw new IllegalArgumentException(features + " holds no rows");
      }
      return assemble(features, areas, months, neighbourCodes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + features + ": " + e.getMessage(), e);
    }
  }

  private static FeatureTable assemble(
      Path source, TreeMap<String, Area> areas, TreeMap<YearMonth, Map<String, int[]>> months, Map<String, String[]> neighbourCodes) {
    String[] codes = areas.keySet().toArray(String[]::new);
    int n = codes.length;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(codes[i], i);
    }
    String[] wards = new String[n];
    String[] boroughs = new String[n];
    double[][] statics = new double[n][];
    int[][] nbrs = new int[n][];
    for (int i = 0; i < n; i++) {
      Area a = areas.get(codes[i]);
      wards[i] = a.ward;
      boroughs[i] = a.borough;
      statics[i] = a.statics;
      String[] nc = neighbourCodes.get(codes[i]);
      if (nc == null) {
        throw new IllegalArgumentException("The neighbours file has no row for " + codes[i]);
      }
      List<Integer> list = new ArrayList<>();
      for (String c : nc) {
        Integer j = index.get(c);
        if (j != null) {
          list.add(j);
        }
      }
      nbrs[i] = list.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    YearMonth first = months.firstKey();
    YearMonth last = months.lastKey();
    int span = Months.between(first, last) + 1;
    int[][] counts = new int[span][n];
    int[] revisions = new int[span];
    for (int m = 0; m < span; m++) {
      YearMonth ym = first.plusMonths(m);
      Map<String, int[]> rows = months.get(ym);
      if (rows == null || rows.size() != n) {
        throw new IllegalArgumentException(source + ": month " + Months.format(ym) + " has " + (rows == null ? 0 : rows.size())
            + " rows, expected one per area (" + n + "): every area needs a count for every month");
      }
      for (Map.Entry<String, int[]> e : rows.entrySet()) {
        counts[m][index.get(e.getKey())] = e.getValue()[0];
        revisions[m] = Math.max(revisions[m], e.getValue()[1]);
      }
    }
    return new FeatureTable(new AreaProfiles(codes, wards, boroughs, nbrs, statics), new CountHistory(first, counts), revisions);
  }

  /** {@code lsoa21cd → neighbour codes}. */
  public static Map<String, String[]> readNeighbours(Path file) {
    Map<String, String[]> out = new HashMap<>();
    try (BufferedReader reader = open(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      for (CSVRecord r : parser) {
        String list = r.size() > 1 ? r.get(1).trim() : "";
        out.put(r.get(0), list.isEmpty() ? new String[0] : list.split(";"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read neighbours file " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static BufferedReader open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No such file: " + file.toAbsolutePath());
    }
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static int require(Map<String, Integer> columns, Path file, String name) {
    Integer pos = columns.get(normalise(name));
    if (pos == null) {
      throw new IllegalArgumentException(file + " has no column '" + name + "' (columns: " + columns.keySet() + ")");
    }
    return pos;
  }

  private static double number(CSVRecord r, int column, Path file) {
    String v = r.get(column);
    try {
      return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + r.getRecordNumber() + ": '" + v + "' is not a number");
    }
  }

  static String normalise(String column) {
    return column.replace("_", "").trim().toLowerCase(Locale.ROOT);
  }

  private static final class Area {
    String ward;
    String borough;
    double[] statics;
  }
}
