package uk.patrolcast.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.features.bench.Universes;
import uk.patrolcast.features.model.FeatureRows;
import uk.patrolcast.features.model.LagFeatures;
import uk.patrolcast.features.model.MonthlySeries;
import uk.patrolcast.features.model.NeighbourFeatures;

class FeatureFieldsTest {

  @Test
  void decimalsAreRoundedToSixPlacesWithoutExponentOrTrailingZeros() {
    assertThat(FeatureFields.decimal(7 / 3.0)).isEqualTo("2.333333");
    assertThat(FeatureFields.decimal(2 / 3.0)).isEqualTo("0.666667");
    assertThat(FeatureFields.decimal(1.5)).isEqualTo("1.5");
    assertThat(FeatureFields.decimal(3.0)).isEqualTo("3");
    assertThat(FeatureFields.decimal(-1.25)).isEqualTo("-1.25");
    assertThat(FeatureFields.decimal(-0.0000001)).isEqualTo("0");
    assertThat(FeatureFields.decimal(-0.0)).isEqualTo("0");
    assertThat(FeatureFields.decimal(1e-6)).isEqualTo("0.000001");
    assertThat(FeatureFields.decimal(12345.6789012)).isEqualTo("12345.678901");
    assertThat(FeatureFields.decimal(1.2e9)).isEqualTo("1200000000");
  }

  @Test
  void theHeaderStartsWithMonthAreaAndCountThenEverySchemaFieldInSnakeCase() {
    String header = FeatureFields.csvHeader();
    assertThat(header).startsWith("month,lsoa21cd,count,ward_code,borough_code,history,lag1,lag2,lag3,lag6,lag12,mean3,");
    assertThat(header).contains(",months_since_last,month_of_year,neighbour_count,nbr_lag1,", ",area_km2,density,imd,");
    assertThat(header).endsWith(",log_risk_score,month_revision,snapshot_revision");
    assertThat(header.split(",")).hasSize(LsoaMonthFeatures.getClassSchema().getFields().size()).doesNotHaveDuplicates();
  }

  @Test
  void aLineHasOneValueUnderEachColumnAndEmptyNulls() {
    var profile = Universes.grid(1, 3).get(0);
    LsoaMonthFeatures row = FeatureRows.row(YearMonth.of(2011, 2), 2, profile, LagFeatures.of(MonthlySeries.of(1, 2), 1),
        NeighbourFeatures.of(List.of()), null, 1, 1);
    String[] header = FeatureFields.csvHeader().split(",", -1);
    String[] values = FeatureFields.csvLine(row).split(",", -1);
    assertThat(values).hasSameSizeAs(header);
    assertThat(values[0]).isEqualTo("2011-02");
    assertThat(values[1]).isEqualTo(profile.getLsoa21cd());
    assertThat(values[2]).isEqualTo("2");
    assertThat(value(header, values, "lag1")).isEqualTo("2");
    assertThat(value(header, values, "lag2")).isEqualTo("1");
    assertThat(value(header, values, "lag3")).isEmpty();
    assertThat(value(header, values, "nbr_lag1")).isEmpty();
    assertThat(value(header, values, "log_risk_score")).isEmpty();
    assertThat(value(header, values, "month_of_year")).isEqualTo("2");
  }

  @Test
  void snakeCaseKeepsDigitsWithTheirWord() {
    assertThat(FeatureFields.snakeCase("nbrLag12")).isEqualTo("nbr_lag12");
    assertThat(FeatureFields.snakeCase("areaKm2")).isEqualTo("area_km2");
    assertThat(FeatureFields.snakeCase("lsoa21cd")).isEqualTo("lsoa21cd");
  }

  private static String value(String[] header, String[] values, String column) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(column)) {
        return values[i];
      }
    }
    throw new AssertionError("no column " + column);
  }
}
