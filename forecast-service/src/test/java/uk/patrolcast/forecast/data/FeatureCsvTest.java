package uk.patrolcast.forecast.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCsvTest {
  private static final String HEADER = "month,lsoa21cd,count,ward_code,borough_code,lag1,population,area_km2,density,imd,income,employment,"
      + "education,health,crime,housing_barriers,living_environment,owned,social_rented,private_rented,flats,detached,overcrowded,students,"
      + "snapshot_revision";

  @Test
  void readsCountsProfilesAndNeighboursWhateverTheColumnCase(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>(List.of(HEADER));
    int[][] counts = {{1, 0}, {3, 2}, {0, 4}};
    String[] months = {"2021-01", "2021-02", "2021-03"};
    for (int m = 0; m < 3; m++) {
      lines.add(row(months[m], "E01000002", counts[m][1], 2));
      lines.add(row(months[m], "E01000001", counts[m][0], 1));
    }
    Files.write(dir.resolve("features.csv"), lines);
    Files.write(dir.resolve("nb.csv"), List.of("lsoa21cd,neighbours", "E01000001,E01000002", "E01000002,E01000001;E09999999"));
    FeatureTable t = FeatureCsv.read(dir.resolve("features.csv"), dir.resolve("nb.csv"));
    assertThat(t.areas().codes()).containsExactly("E01000001", "E01000002");
    assertThat(t.firstMonth()).isEqualTo(YearMonth.of(2021, 1));
    assertThat(t.counts().monthCounts(1)).containsExactly(3, 2);
    assertThat(t.areas().neighbours(1)).containsExactly(0);
    assertThat(t.areas().ward(0)).isEqualTo("W1");
    assertThat(t.areas().staticValue(1, "population")).isEqualTo(1200);
    assertThat(t.revision(YearMonth.of(2021, 3))).isEqualTo(2);
  }

  @Test
  void aMissingMonthIsAClearError(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("features.csv"), List.of(HEADER, row("2021-01", "E01000001", 1, 1), row("2021-03", "E01000001", 1, 1)));
    Files.write(dir.resolve("nb.csv"), List.of("lsoa21cd,neighbours", "E01000001,"));
    assertThatThrownBy(() -> FeatureCsv.read(dir.resolve("features.csv"), dir.resolve("nb.csv")))
        .hasMessageContaining("month 2021-02 has 0 rows");
  }

  private static String row(String month, String lsoa, int count, int revision) {
    return month + "," + lsoa + "," + count + ",W1,B1,," + (lsoa.endsWith("2") ? 1200 : 1000)
        + ",0.2,5000,10,0.1,0.1,10,0,0.5,20,30,0.5,0.2,0.3,0.6,0.05,0.1,0.05," + revision;
  }
}
