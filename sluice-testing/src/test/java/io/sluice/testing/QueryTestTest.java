package io.sluice.testing;

import static io.sluice.testing.QueryTest.checkAnswer;
import static io.sluice.testing.QueryTest.checkOrderedAnswer;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import org.junit.jupiter.api.Test;

class QueryTestTest {
  private final DataFrame ids = TestSessions.shared().range(3);

  @Test
  void acceptsTheSameRowsInAnyOrder() {
    checkAnswer(ids, row(2L), row(0L), row(1L));
    checkOrderedAnswer(ids, row(0L), row(1L), row(2L));
  }

  @Test
  void reportsBothAnswersWhenRowsDiffer() {
    assertThatThrownBy(() -> checkAnswer(ids, row(0L), row(1L), row(5L)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("== Correct Answer - 3 ==")
        .hasMessageContaining("== Sluice Answer - 3 ==")
        .hasMessageContaining("![5]");
  }

  @Test
  void orderedCheckFailsOnAnotherOrder() {
    assertThatThrownBy(() -> checkOrderedAnswer(ids, row(2L), row(1L), row(0L)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void timestampsAndWindowsForExpectedRows() {
    assertThat(QueryTest.ts("00:00:05").getTime()).isEqualTo(5_000);
    assertThat(QueryTest.ts("2024-05-01 10:00:00.250").toInstant())
        .isEqualTo(java.time.Instant.parse("2024-05-01T10:00:00.250Z"));
    assertThat(QueryTest.ts("2024-05-01T10:00:00Z").getTime()).isEqualTo(1_714_557_600_000L);
    assertThat(QueryTest.window("00:00:00", "00:00:05"))
        .isEqualTo(row(new java.sql.Timestamp(0), new java.sql.Timestamp(5_000)));
  }
}
