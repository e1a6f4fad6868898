package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo's {@code --duration} values. */
class DemoCommandTest {
  private final DemoCommand.DurationConverter convert = new DemoCommand.DurationConverter();

  @Test
  void durationsInShortUnitsOrIso() {
    assertThat(convert.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(convert.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(convert.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(convert.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(convert.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void otherTextIsRefusedWithAnExample() {
    assertThatThrownBy(() -> convert.convert("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'soon' is not a duration; write e.g. 30s");
    assertThatThrownBy(() -> convert.convert("10d")).hasMessageContaining("not a duration");
  }
}
