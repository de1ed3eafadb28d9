package uk.patrolcast.launcher.survival;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file as the system wrote it: header and rows of cells, read with a real CSV parser. */
record CsvTable(List<String> header, List<List<String>> rows) {

  static CsvTable read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT)) {
      List<List<String>> all = new ArrayList<>();
      for (CSVRecord r : p) {
        all.add(r.toList());
      }
      return new CsvTable(all.isEmpty() ? List.of() : all.get(0), all.isEmpty() ? List.of() : all.subList(1, all.size()));
    }
  }

  int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return i;
  }

  /** The table without the named columns (each row as one comma-joined line, for comparison). */
  List<String> linesWithout(Set<String> excluded) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (!excluded.contains(header.get(i))) {
        keep.add(i);
      }
    }
    List<String> out = new ArrayList<>();
    out.add(String.join(",", keep.stream().map(header::get).toList()));
    for (List<String> row : rows) {
      out.add(String.join(",", keep.stream().map(row::get).toList()));
    }
    return out;
  }

  /**
   * Cells a spreadsheet would run as a formula: text starting with = + - @ (or a tab or carriage
   * return, which some spreadsheets skip before one). A number (-0.5) is a value, not a formula.
   */
  List<String> liveFormulas() {
    List<String> found = new ArrayList<>();
    for (List<String> row : rows) {
      for (String cell : row) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell)) {
          found.add(cell.length() > 80 ? cell.substring(0, 80) + "..." : cell);
        }
      }
    }
    return found;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return !s.contains("x") && !s.contains("X") && !s.contains("N") && !s.contains("I");
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
