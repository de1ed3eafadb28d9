package uk.patrolcast.features.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.features.bench.CrimeRecords;

class RecordCellTest {

  @Test
  void aRecordCountsInItsAreaAndMonthWithItsContentHash() {
    CrimeRecord r = CrimeRecords.withId("2023-01", "abc", "E01000001");
    RecordCell cell = RecordCell.of(r.getRecordKey(), r);
    assertThat(cell.cellKey()).isEqualTo("E01000001:2023-01");
    assertThat(cell.contentHash()).isEqualTo(CrimeRecords.contentHash(r.getRecordKey(), "2023-01", "E01000001"));
    assertThat(RecordCell.lsoa(cell.cellKey())).isEqualTo("E01000001");
    assertThat(RecordCell.month(cell.cellKey())).isEqualTo(YearMonth.of(2023, 1));
  }

  @Test
  void tombstonesAndUnplaceableRecordsHaveNoCell() {
    CrimeRecord r = CrimeRecords.withId("2023-01", "abc", "E01000001");
    assertThat(RecordCell.of("k", null)).isNull();
    for (String month : new String[] {"2023-13", "2023-00", "2023-1", "23-01-01", "2023/01", "abcd-ef"}) {
      assertThat(RecordCell.of("k", CrimeRecord.newBuilder(r).setMonth(month).build())).as(month).isNull();
    }
    assertThat(RecordCell.of("k", CrimeRecord.newBuilder(r).setLsoa21cd(" ").build())).isNull();
    assertThat(RecordCell.of("k", CrimeRecord.newBuilder(r).setLsoa21cd("E0:1").build())).isNull();
  }
}
