package uk.patrolcast.console.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.patrolcast.platform.config.Months;

/**
 * London's burglaries per month counted straight from the police.uk files of the shared data, to
 * check the totals the console shows against something that is not the pipeline. The count is
 * deliberately simple (an independent check, not the ingest service's code): a row counts when it
 * has an LSOA code that is a London LSOA (2021, or 2011 with a London child) and a Crime ID not seen
 * before in that month's file.
 */
final class LondonData {
  private final Map<String, Integer> totals = new TreeMap<>();

  /** The London total of each month from {@code first} to {@code last} (months without files are left out). */
  static LondonData count(Path data, YearMonth first, YearMonth last) throws IOException {
    Set<String> london = new HashSet<>();
    try (CSVParser p = csv(data.resolve("lookups/london_lsoa21_ward24_area_km2.csv"))) {
      p.forEach(r -> london.add(r.get("LSOA21CD")));
    }
    Set<String> london11 = new HashSet<>();
    try (CSVParser p = csv(data.resolve("lookups/LSOA11_to_LSOA21_to_LAD22_Exact_Fit_Lookup_EW_V3.csv.gz"))) {
      for (CSVRecord r : p) {
        if (london.contains(r.get("LSOA21CD"))) {
          london11.add(r.get(0).replace("\uFEFF", ""));
        }
      }
    }
    LondonData d = new LondonData();
    for (YearMonth m : Months.range(first, last)) {
      String month = Months.format(m);
      for (String force : List.of("metropolitan", "city-of-london")) {
        Path file = data.resolve("police-uk").resolve(force + "-street-burglary").resolve(month + "-" + force + "-street-burglary.csv.gz");
        if (Files.exists(file)) {
          d.totals.merge(month, countFile(file, london, london11), Integer::sum);
        }
      }
    }
    return d;
  }

  /** The month's total, or null when it was not counted. */
  Integer total(String month) {
    return totals.get(month);
  }

  private static int countFile(Path file, Set<String> london, Set<String> london11) throws IOException {
    Set<String> seenIds = new HashSet<>();
    int accepted = 0;
    try (CSVParser p = csv(file)) {
      for (CSVRecord r : p) {
        String code = r.get("LSOA code");
        String crimeId = r.get("Crime ID");
        if (code.isEmpty() || (!crimeId.isEmpty() && !seenIds.add(crimeId))) {
          continue;
        }
        if (london.contains(code) || london11.contains(code)) {
          accepted++;
        }
      }
    }
    return accepted;
  }

  private static CSVParser csv(Path file) throws IOException {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader(file));
  }

  private static Reader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
