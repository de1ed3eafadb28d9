package uk.patrolcast.ingest.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A reference CSV file (plain or gzip, UTF-8, optional BOM) read whole: header names to column
 * positions, then the rows. Duplicate header names keep their first position (the Census extract
 * repeats its "Does not apply" columns).
 */
public final class CsvTable {
  private final Path file;
  private final Map<String, Integer> columns;
  private final List<CSVRecord> rows;

  private CsvTable(Path file, Map<String, Integer> columns, List<CSVRecord> rows) {
    this.file = file;
    this.columns = columns;
    this.rows = rows;
  }

  public static CsvTable read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
      List<CSVRecord> all = parser.getRecords();
      if (all.isEmpty()) {
        throw new IllegalArgumentException(file + " is empty: expected a header line");
      }
      Map<String, Integer> columns = new HashMap<>();
      CSVRecord header = all.get(0);
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i);
        if (i == 0 && name.startsWith("\uFEFF")) {
          name = name.substring(1);
        }
        columns.putIfAbsent(name.trim(), i);
      }
      return new CsvTable(file, columns, all.subList(1, all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public List<CSVRecord> rows() {
    return rows;
  }

  public boolean has(String column) {
    return columns.containsKey(column);
  }

  /** Position of a column; a clear error naming the file when it is missing. */
  public int column(String name) {
    Integer i = columns.get(name);
    if (i == null) {
      throw new IllegalArgumentException(file + " has no column '" + name + "' (columns: " + new ArrayList<>(columns.keySet()) + ")");
    }
    return i;
  }

  public String get(CSVRecord row, String column) {
    return row.get(column(column)).trim();
  }

  public double number(CSVRecord row, String column) {
    String text = get(row, column);
    try {
      return text.isEmpty() ? 0.0 : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + row.getRecordNumber() + ": column '" + column + "' is not a number: '" + text + "'");
    }
  }

  public Path file() {
    return file;
  }
}
