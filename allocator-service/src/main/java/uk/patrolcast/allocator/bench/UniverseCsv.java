package uk.patrolcast.allocator.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.patrolcast.allocator.model.Area;

/**
 * Reads the London universe file ({@code lookups/london_lsoa21_ward24_area_km2.csv}: LSOA21CD,
 * LSOA21NM, WD24CD, WD24NM, LAD24CD, LAD24NM, area_km2, pop_mid2021) for the benchmark.
 */
public final class UniverseCsv {
  private UniverseCsv() {}

  public static List<Area> read(Path file) throws IOException {
    List<Area> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        out.add(new Area(r.get("LSOA21CD"), r.get("WD24CD"), r.get("WD24NM"), r.get("LAD24CD"),
            Double.parseDouble(r.get("area_km2")), Integer.parseInt(r.get("pop_mid2021"))));
      }
    }
    return out;
  }
}
