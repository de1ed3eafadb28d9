package uk.patrolcast.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import uk.patrolcast.features.stream.FeatureTopology;

class FeatureConfigTest {

  @Test
  void defaultsGiveTheTopologysDefaultSettings() {
    FeatureTopology.Settings settings = new FeatureConfig(Map.of()).topologySettings();
    assertThat(settings).isEqualTo(FeatureTopology.Settings.DEFAULTS);
    assertThat(settings.countFlushMillis()).isEqualTo(200);
    assertThat(settings.recordsInMemory()).isFalse();
  }

  @Test
  void settingsReachTheTopology() {
    FeatureTopology.Settings settings = new FeatureConfig(Map.of(
        FeatureConfig.COUNT_FLUSH_MS, "500", FeatureConfig.RECORDS_STORE, "memory", FeatureConfig.FIRST_MONTH, "2010-12",
        FeatureConfig.MODE, "run")).topologySettings();
    assertThat(settings.countFlushMillis()).isEqualTo(500);
    assertThat(settings.recordsInMemory()).isTrue();
    assertThat(settings.firstMonth()).hasToString("2010-12");
    assertThat(settings.joinRisk()).as("run mode rows do not depend on when risk scores came").isFalse();
  }

  @Test
  void valuesOutOfRangeAreRefusedWithTheKeyNamed() {
    assertThatThrownBy(() -> new FeatureConfig(Map.of(FeatureConfig.COUNT_FLUSH_MS, "5")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(FeatureConfig.COUNT_FLUSH_MS);
    assertThatThrownBy(() -> new FeatureConfig(Map.of(FeatureConfig.RECORDS_STORE, "disk")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(FeatureConfig.RECORDS_STORE);
  }
}
