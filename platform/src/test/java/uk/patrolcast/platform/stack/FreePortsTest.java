package uk.patrolcast.platform.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortsTest {

  /** Ports picked together never repeat (a broker refuses a controller listener on its own port) and are free afterwards. */
  @Test
  void portsPickedTogetherAreDifferentAndFree() {
    int[] ports = FreePorts.pick(64);
    assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(64);
    for (int port : ports) {
      assertThat(FreePorts.requireFree(port, "test")).isEqualTo(port);
    }
  }

  @Test
  void aBrokerAndControllerOnOnePortAreRefusedBeforeAnythingStarts(@TempDir Path dir) {
    int port = FreePorts.pick();
    assertThatThrownBy(() -> LocalKafka.start(dir, port, port, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two ports");
  }
}
