package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {
  @Test
  void readsTheNamedLineOfProcStatus() {
    String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  2345678 kB\nVmRSS:\t  1234567 kB\n";
    assertThat(ResidentMemory.parseKb(status, "VmHWM:")).isEqualTo(2345678);
    assertThat(ResidentMemory.parseKb(status, "VmRSS:")).isEqualTo(1234567);
    assertThat(ResidentMemory.parseKb(status, "VmSwap:")).isZero();
  }

  @Test
  void thePeakIsAtLeastWhatIsResidentNow() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
    long now = ResidentMemory.currentMb();
    assertThat(now).isPositive();
    assertThat(ResidentMemory.peakMb()).isGreaterThanOrEqualTo(now);
  }
}
