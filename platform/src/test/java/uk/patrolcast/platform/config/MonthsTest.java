package uk.patrolcast.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class MonthsTest {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM");

  @Test
  void formatWritesWhatTheStandardFormatterWritesAndParseReadsItBack() {
    for (int year : new int[] {0, 7, 99, 999, 1000, 2010, 2024, 9999}) {
      for (int m = 1; m <= 12; m++) {
        YearMonth month = YearMonth.of(year, m);
        assertThat(Months.format(month)).isEqualTo(month.format(ISO));
        assertThat(Months.parse(Months.format(month))).isEqualTo(month);
      }
    }
    // Outside four digits the standard form is kept (a sign, more digits), not a wrong four-digit one.
    assertThat(Months.format(YearMonth.of(10000, 3))).isEqualTo(YearMonth.of(10000, 3).format(ISO));
    assertThat(Months.format(YearMonth.of(-1, 3))).isEqualTo(YearMonth.of(-1, 3).format(ISO));
  }

  @Test
  void anythingButYyyyDashMmIsRefusedWithTheValueNamed() {
    for (String bad : new String[] {"2023-2", "2023/02", "23-02", "2023-02-01", "20a3-02", "2023-0x", " 2023-02", "", "２０２３-02"}) {
      assertThatThrownBy(() -> Months.parse(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "' is not a month: expected YYYY-MM");
    }
    assertThatThrownBy(() -> Months.parse(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'null'");
    assertThatThrownBy(() -> Months.parse("2023-13")).hasMessageContaining("MM from 01 to 12");
    assertThatThrownBy(() -> Months.parse("2023-00")).hasMessageContaining("MM from 01 to 12");
  }
}
