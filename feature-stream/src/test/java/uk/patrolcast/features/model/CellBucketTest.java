package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CellBucketTest {

  @Test
  void readsTheCellOfAnAreaAndZeroForAnAreaItNeverHeld() {
    CellBucket b = CellBucket.of(new String[] {"E1", "E2", "E3"}, new int[] {1, 0, 2}, new long[] {10, 0, 33});
    assertThat(b.size()).isEqualTo(3);
    assertThat(b.area(2)).isEqualTo("E3");
    assertThat(b.get("E3")).isEqualTo(new CellCount(2, 33));
    assertThat(b.get("E2")).isEqualTo(CellCount.ZERO);
    assertThat(b.get("E9")).isEqualTo(CellCount.ZERO);
    assertThat(b).isEqualTo(CellBucket.of(new String[] {"E1", "E2", "E3"}, new int[] {1, 0, 2}, new long[] {10, 0, 33}));
  }

  @Test
  void bucketsAreStableAndSpreadAreasOut() {
    assertThat(CellBucket.bucketOf("E01000001")).isEqualTo(("E01000001".hashCode() * 0x9E3779B9) >>> 25);
    int[] sizes = new int[CellBucket.BUCKETS];
    for (int i = 0; i < 4994; i++) {
      sizes[CellBucket.bucketOf(String.format("E0100%04d", i))]++;
    }
    for (int size : sizes) {
      assertThat(size).isBetween(10, 80);
    }
  }

  @Test
  void cellsMustComeInAreaOrder() {
    assertThatThrownBy(() -> CellBucket.of(new String[] {"B", "A"}, new int[2], new long[2]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CellBucket.of(new String[] {"A"}, new int[2], new long[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
