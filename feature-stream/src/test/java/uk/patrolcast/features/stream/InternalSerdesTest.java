package uk.patrolcast.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.features.model.CellBucket;
import uk.patrolcast.features.model.MonthState;

class InternalSerdesTest {

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }

  @Test
  void everyInternalValueRoundTrips() {
    CellBucket bucket = CellBucket.of(new String[] {"E01000001", "E01000002", "E01000003", "Ünïcode"},
        new int[] {1, 2, -1, 1}, new long[] {5, Long.MIN_VALUE + 8, -9, 3});
    assertThat(roundTrip(InternalSerdes.CELL_BUCKET, bucket)).isEqualTo(bucket);
    assertThat(roundTrip(InternalSerdes.CELL_BUCKET, CellBucket.EMPTY)).isEqualTo(CellBucket.EMPTY);
    assertThat(roundTrip(InternalSerdes.RECORD_CELL, new RecordCell("E01000001", "2023-01", -42L))).isEqualTo(new RecordCell("E01000001", "2023-01", -42L));
    MonthState state = new MonthState(YearMonth.of(2010, 12), 2, 7897, -123456789L, 4994, 3, 0x1234_5678_9abcL, 4994, 7800, 1_700_000_000_000L,
        SnapshotCause.EARLIER_MONTH_CORRECTED);
    assertThat(roundTrip(InternalSerdes.MONTH_STATE, state)).isEqualTo(state);
    MonthState clean = new MonthState(YearMonth.of(2024, 2), 1, 0, 0, 0, 0, 0, 0, 0, 0, null);
    assertThat(roundTrip(InternalSerdes.MONTH_STATE, clean)).isEqualTo(clean);
  }

  @Test
  void builderInputsKeepTheirKindAndBytes() {
    CellBucket bucket = CellBucket.of(new String[] {"E01000001"}, new int[] {2}, new long[] {13});
    assertThat(roundTrip(InternalSerdes.BUILDER_INPUT, new BuilderInput.Cells(bucket))).isEqualTo(new BuilderInput.Cells(bucket));
    BuilderInput profile = roundTrip(InternalSerdes.BUILDER_INPUT, new BuilderInput.Profile(new byte[] {0, 1, 2}));
    assertThat(profile).isInstanceOf(BuilderInput.Profile.class);
    assertThat(((BuilderInput.Profile) profile).bytes()).containsExactly(0, 1, 2);
    BuilderInput tombstone = roundTrip(InternalSerdes.BUILDER_INPUT, new BuilderInput.Risk(null));
    assertThat(((BuilderInput.Risk) tombstone).bytes()).isNull();
    assertThat(roundTrip(InternalSerdes.BUILDER_INPUT, new BuilderInput.Closure(new byte[0]))).isInstanceOf(BuilderInput.Closure.class);
    BuilderInput.PartsHeld held = new BuilderInput.PartsHeld(5, java.util.List.of("007:2023-01/5", "120:2024-02/5"));
    assertThat(roundTrip(InternalSerdes.BUILDER_INPUT, held)).isEqualTo(held);
    assertThat(roundTrip(InternalSerdes.BUILDER_INPUT, new BuilderInput.PartsHeld(0, java.util.List.of())))
        .isEqualTo(new BuilderInput.PartsHeld(0, java.util.List.of()));
  }

  @Test
  void anUnknownFormatIsAClearError() {
    assertThatThrownBy(() -> InternalSerdes.CELL_BUCKET.deserializer().deserialize("topic-x", new byte[] {9, 0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("topic-x");
    // A record cell of the earlier format (one cell-key string) is refused, not misread.
    assertThatThrownBy(() -> InternalSerdes.RECORD_CELL.deserializer().deserialize("topic-y", new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("topic-y");
  }
}
