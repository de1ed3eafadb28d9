package uk.patrolcast.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.features.bench.CrimeRecords;
import uk.patrolcast.features.model.CellBucket;

class RecordCellTest {

  @Test
  void aRecordCountsInItsAreaAndMonthWithItsContentHash() {
    CrimeRecord r = CrimeRecords.withId("2023-01", "abc", "E01000001");
    RecordCell cell = RecordCell.of(r.getRecordKey(), r);
    assertThat(cell).isEqualTo(new RecordCell("E01000001", "2023-01", CrimeRecords.contentHash(r.getRecordKey(), "2023-01", "E01000001")));
  }

  @Test
  void aPartitionsPartOfABucketIsKeyedByBucketMonthAndPartition() {
    int bucket = CellBucket.bucketOf("E01000001");
    String key = RecordCell.partialKey(bucket, "2023-01", 5);
    assertThat(key).isEqualTo(String.format("%03d:2023-01/5", bucket));
    assertThat(RecordCell.bucketPrefix("E01000001")).isEqualTo(String.format("%03d:", bucket));
    assertThat(key).startsWith(RecordCell.bucketPrefix("E01000001"));
    assertThat(RecordCell.bucketMonth(key)).isEqualTo(YearMonth.of(2023, 1));
    assertThat(RecordCell.bucketMonth(String.format("%03d:2023-01", bucket))).isEqualTo(YearMonth.of(2023, 1));
    assertThatThrownBy(() -> RecordCell.bucketMonth("2023-01")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordCell.bucketMonth("007:2023")).isInstanceOf(IllegalArgumentException.class);
    assertThat(RecordCell.partialPartition(key)).isEqualTo(5);
    assertThat(RecordCell.partialPartition(String.format("%03d:2023-01", bucket))).isEqualTo(-1);
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
