package uk.patrolcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.model.BoosterParams;

/** forecast.params overrides the tuned recipe and a bad override stops the service at start with the reason. */
class ForecastConfigTest {

  @Test
  void overridesChangeOnlyTheKeysTheyName() {
    BoosterParams p = new ForecastConfig(Map.of(ForecastConfig.PARAMS, "eta=0.2,monotone_increasing=lag1;mean12")).params();
    assertThat(p.eta()).isEqualTo(0.2);
    assertThat(p.monotoneIncreasing()).containsExactly("lag1", "mean12");
    assertThat(p.maxDepth()).isEqualTo(BoosterParams.tuned().maxDepth());
    assertThat(new ForecastConfig(Map.of()).params()).isEqualTo(BoosterParams.tuned());
  }

  @Test
  void aBadOverrideIsRefusedWhenTheConfigurationIsRead() {
    assertThatThrownBy(() -> new ForecastConfig(Map.of(ForecastConfig.PARAMS, "no_such_key=1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("forecast.params").hasMessageContaining("no_such_key=1");
    assertThatThrownBy(() -> new ForecastConfig(Map.of(ForecastConfig.PARAMS, "monotone_increasing=lag7")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("monotone_increasing names lag7");
    assertThatThrownBy(() -> new ForecastConfig(Map.of(ForecastConfig.PARAMS, "max_bin=1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("max_bin must be at least 2");
  }
}
