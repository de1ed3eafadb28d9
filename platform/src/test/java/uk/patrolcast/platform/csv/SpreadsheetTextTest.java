package uk.patrolcast.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {
  @Test
  void formulaStartsAreDefusedAndEverythingElseIsKept() {
    assertThat(SpreadsheetText.defuse("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
    assertThat(SpreadsheetText.defuse("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(SpreadsheetText.defuse("-2+3")).isEqualTo("'-2+3");
    assertThat(SpreadsheetText.defuse("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(SpreadsheetText.defuse("\t=1")).isEqualTo("'\t=1");
    assertThat(SpreadsheetText.defuse("\r=1")).isEqualTo("'\r=1");
    assertThat(SpreadsheetText.defuse("On or near A=B Road")).isEqualTo("On or near A=B Road");
    assertThat(SpreadsheetText.defuse("")).isEmpty();
    assertThat(SpreadsheetText.defuse(null)).isNull();
  }
}
