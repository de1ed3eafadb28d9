package uk.patrolcast.allocator.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.patrolcast.allocator.model.Area;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.platform.config.Months;

/**
 * Plausible London forecasts for the benchmark, from the real police.uk records: each LSOA's mean
 * monthly burglaries over the months that use 2021 LSOA codes only (2023-06 to the origin), with a
 * small prior so that no LSOA is exactly zero, times London's seasonal factor for the target
 * calendar month (its share of the two years before the origin). Not a model: a stand-in with the
 * right spread and seasonality.
 */
public final class RecentBurglaryForecasts {
  private static final Pattern FILE = Pattern.compile("(\\d{4}-\\d{2})-.*-street(-burglary)?\\.csv(\\.gz)?");
  private static final YearMonth FIRST_2021_ONLY = YearMonth.of(2023, 6);

  private RecentBurglaryForecasts() {}

  /** Forecasts from the records in {@code policeDir} up to {@code origin}; null when there are none. */
  public static ForecastSet read(Path policeDir, List<Area> areas, String origin) throws IOException {
    YearMonth last = Months.parse(origin);
    Map<String, Integer> counts = new HashMap<>();
    Map<YearMonth, Integer> london = new TreeMap<>();
    java.util.Set<YearMonth> seen2021 = new java.util.HashSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(policeDir)) {
      files = walk.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
    for (Path file : files) {
      Matcher m = FILE.matcher(file.getFileName().toString());
      m.matches();
      YearMonth month = Months.parse(m.group(1));
      if (month.isAfter(last) || month.isBefore(last.minusMonths(23))) {
        continue;
      }
      boolean recent = !month.isBefore(FIRST_2021_ONLY);
      if (recent) {
        seen2021.add(month);
      }
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
          if (!"Burglary".equals(r.get("Crime type"))) {
            continue;
          }
          london.merge(month, 1, Integer::sum);
          if (recent) {
            counts.merge(r.get("LSOA code"), 1, Integer::sum);
          }
        }
      }
    }
    int months2021 = seen2021.size();
    if (months2021 == 0 || london.isEmpty()) {
      return null;
    }
    double[] byCalendarMonth = new double[12];
    int[] seenCalendarMonth = new int[12];
    double total = 0;
    for (Map.Entry<YearMonth, Integer> e : london.entrySet()) {
      byCalendarMonth[e.getKey().getMonthValue() - 1] += e.getValue();
      seenCalendarMonth[e.getKey().getMonthValue() - 1]++;
      total += e.getValue();
    }
    double mean = total / london.size();
    Map<String, double[]> predicted = new TreeMap<>();
    for (Area a : areas) {
      double rate = (counts.getOrDefault(a.lsoa21cd(), 0) + 0.25) / months2021;
      double[] h = new double[12];
      for (int k = 0; k < 12; k++) {
        int calendar = last.plusMonths(k + 1).getMonthValue() - 1;
        double season = seenCalendarMonth[calendar] == 0 ? 1 : byCalendarMonth[calendar] / seenCalendarMonth[calendar] / mean;
        h[k] = rate * season;
      }
      predicted.put(a.lsoa21cd(), h);
    }
    return new ForecastSet(origin, "recent-mean-" + months2021 + "m", 1, predicted);
  }
}
