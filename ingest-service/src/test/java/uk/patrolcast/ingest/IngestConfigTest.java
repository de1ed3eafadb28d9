package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
  @Test
  void defaultsAreTheTwoLondonForcesNoLimitNoPaceAndNoApi() {
    IngestConfig c = new IngestConfig(Map.of());
    assertThat(c.forces().slugs()).containsExactly("metropolitan", "city-of-london");
    assertThat(c.forces().name("city-of-london")).isEqualTo("City of London Police");
    assertThat(c.until()).isNull();
    assertThat(c.pace()).isEqualTo(Duration.ZERO);
    assertThat(c.apiEnabled()).isFalse();
    assertThat(c.runMode()).isFalse();
    assertThat(c.transactionalId()).isEqualTo("patrolcast-ingest-0");
  }

  @Test
  void settingsAreParsed() {
    IngestConfig c = new IngestConfig(Map.of(IngestConfig.UNTIL, "2023-02", IngestConfig.PACE, "5s", IngestConfig.FORCES,
        "metropolitan,kent=Kent Police", IngestConfig.MODE, "run", IngestConfig.API_INTERVAL, "500ms"));
    assertThat(c.until()).isEqualTo(YearMonth.of(2023, 2));
    assertThat(c.pace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.forces().name("kent")).isEqualTo("Kent Police");
    assertThat(c.runMode()).isTrue();
    assertThat(c.apiInterval()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void badSettingsFailWithAMessageNamingTheSetting() {
    assertThatThrownBy(() -> new IngestConfig(Map.of(IngestConfig.UNTIL, "2023-13"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining(IngestConfig.UNTIL).hasMessageContaining("MM from 01 to 12");
    assertThatThrownBy(() -> new IngestConfig(Map.of(IngestConfig.PACE, "five seconds"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("500ms, 5s, 2m or 1h");
    assertThatThrownBy(() -> new IngestConfig(Map.of(IngestConfig.FORCES, "kent"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown force slug 'kent'");
    assertThatThrownBy(() -> new IngestConfig(Map.of(IngestConfig.MODE, "sometimes"))).isInstanceOf(ConfigException.class);
  }
}
