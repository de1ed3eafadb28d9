package uk.patrolcast.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class TableTest {

  private static Table sample() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"E01000001", "City of London 001A", 3.0, 12});
    rows.add(new Object[] {"E01000002", "Barnet, \"North\"", 0.25, 7});
    rows.add(new Object[] {"E01000003", "=HYPERLINK(\"http://x\")", Double.NaN, null});
    rows.add(new Object[] {"E01000004", "line\nbreak", -1.5, 3});
    return new Table("t", List.of(Table.text("code"), Table.text("name"), Table.number("value"), Table.number("n")), rows);
  }

  @Test
  void csvIsRfc4180AndReadsBackIntoTheSameCells() throws Exception {
    StringBuilder out = new StringBuilder();
    sample().writeCsv(out);
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(out.toString())).getRecords();
    assertThat(records).hasSize(5);
    assertThat(records.get(0).toList()).containsExactly("code", "name", "value", "n");
    assertThat(records.get(2).toList()).containsExactly("E01000002", "Barnet, \"North\"", "0.25", "7");
    assertThat(records.get(4).get(1)).isEqualTo("line\nbreak");
    assertThat(records.get(4).get(2)).isEqualTo("-1.5");
    assertThat(records.get(1).get(2)).isEqualTo("3");
  }

  @Test
  void unknownNumbersAreEmptyAndFormulasAreDefused() throws Exception {
    StringBuilder out = new StringBuilder();
    sample().writeCsv(out);
    CSVRecord r = CSVFormat.RFC4180.parse(new java.io.StringReader(out.toString())).getRecords().get(3);
    assertThat(r.get(1)).startsWith("'=HYPERLINK");
    assertThat(r.get(2)).isEmpty();
    assertThat(r.get(3)).isEmpty();
    assertThat(out.toString()).doesNotContain("NaN");
  }

  @Test
  void textSearchAndColumnFiltersNarrowTheRows() {
    Table t = sample();
    assertThat(t.query(new TableQuery("barnet", Map.of(), null, false)).rows()).hasSize(1);
    assertThat(t.query(new TableQuery(null, Map.of("value", ">=0"), null, false)).rows()).hasSize(2);
    assertThat(t.query(new TableQuery(null, Map.of("value", "0..3", "name", "city"), null, false)).rows()).hasSize(1);
    assertThat(t.query(new TableQuery(null, Map.of("code", "=e01000004"), null, false)).rows()).hasSize(1);
    assertThat(t.query(new TableQuery(null, Map.of("value", "<0"), null, false)).rows()).hasSize(1);
  }

  @Test
  void sortingPutsUnknownValuesLast() {
    List<Object[]> rows = sample().query(new TableQuery(null, Map.of(), "n", true)).rows();
    assertThat(rows).extracting(r -> r[3]).containsExactly(12, 7, 3, null);
  }

  @Test
  void badFiltersSayWhatIsWrong() {
    assertThatThrownBy(() -> sample().query(new TableQuery(null, Map.of("nope", "1"), null, false)))
        .hasMessageContaining("no column 'nope'");
    assertThatThrownBy(() -> sample().query(new TableQuery(null, Map.of("value", "abc"), null, false)))
        .hasMessageContaining("not a number filter");
  }

  @Test
  void pagesCountWhatMatches() {
    Table filtered = sample().query(new TableQuery(null, Map.of("value", ">=0"), null, false));
    Map<String, Object> page = filtered.page(1, 10, 4);
    assertThat(page).containsEntry("total", 4).containsEntry("matching", 2).containsEntry("offset", 1);
    assertThat((List<?>) page.get("rows")).hasSize(1);
  }
}
