package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
    Latencies l = new Latencies(List.of(9.0, 1.0, 4.0));
    assertThat(l.median()).isEqualTo(4.0);
    assertThat(l.max()).isEqualTo(9.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(new Latencies(List.of(2.0, 8.0, 3.0, 5.0)).median()).isEqualTo(4.0);
  }

  @Test
  void nothingMeasuredIsNotANumberNotZero() {
    assertThat(new Latencies(List.of()).median()).isNaN();
    assertThat(new Latencies(List.of()).max()).isNaN();
  }
}
