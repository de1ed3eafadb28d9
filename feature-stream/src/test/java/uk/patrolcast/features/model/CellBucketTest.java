package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellBucketTest {

  @Test
  void addsAndSubtractsPerAreaKeepingAreasInOrder() {
    CellBucket b = CellBucket.EMPTY.plus("E3", 30).plus("E1", 10).plus("E3", 3).plus("E2", 20);
    assertThat(b.size()).isEqualTo(3);
    assertThat(b.area(0)).isEqualTo("E1");
    assertThat(b.area(2)).isEqualTo("E3");
    assertThat(b.get("E3")).isEqualTo(new CellCount(2, 33));
    assertThat(b.get("E9")).isEqualTo(CellCount.ZERO);
    CellBucket retracted = b.minus("E1", 10);
    // The area stays, at zero: a bucket states the absolute value of every cell it ever held.
    assertThat(retracted.size()).isEqualTo(3);
    assertThat(retracted.get("E1")).isEqualTo(CellCount.ZERO);
    assertThat(b.get("E1")).as("unchanged: the adder returns a copy").isEqualTo(new CellCount(1, 10));
  }

  @Test
  void anyOrderOfAddsAndSubtractsEndsInTheSameCells() {
    Random random = new Random(5);
    Map<String, CellCount> expected = new HashMap<>();
    CellBucket b = CellBucket.EMPTY;
    for (int i = 0; i < 2000; i++) {
      String area = "E0" + random.nextInt(40);
      long hash = random.nextLong();
      boolean add = random.nextInt(3) > 0;
      b = add ? b.plus(area, hash) : b.minus(area, hash);
      expected.merge(area, add ? new CellCount(1, hash) : new CellCount(-1, -hash),
          (x, y) -> new CellCount(x.count() + y.count(), x.hashSum() + y.hashSum()));
    }
    for (Map.Entry<String, CellCount> e : expected.entrySet()) {
      assertThat(b.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(b.size()).isEqualTo(expected.size());
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
