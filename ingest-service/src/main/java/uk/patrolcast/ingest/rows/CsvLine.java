package uk.patrolcast.ingest.rows;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits one CSV row (RFC 4180, as police.uk writes it) into fields. A row without any quote has an
 * unambiguous split at its commas, done directly (most police.uk rows: it spares a parser per row);
 * any row with a quote goes through Apache Commons CSV, which handles quoted commas, doubled quotes
 * and line breaks inside quotes.
 */
public final class CsvLine {
  private CsvLine() {}

  /** The fields, or null when the row is not valid CSV (e.g. an unterminated quote). */
  public static String[] split(String line) {
    if (line.indexOf('"') < 0) {
      List<String> out = new ArrayList<>(16);
      int start = 0;
      for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
        out.add(line.substring(start, comma));
        start = comma + 1;
      }
      out.add(line.substring(start));
      return out.toArray(new String[0]);
    }
    try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(line))) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        return null;
      }
      return records.get(0).toList().toArray(new String[0]);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return null;
    }
  }

  /** Whether the text has an odd number of quotes, i.e. a quoted field continues on the next line. */
  static boolean openQuote(String text) {
    int quotes = 0;
    for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
      quotes++;
    }
    return (quotes & 1) == 1;
  }
}
