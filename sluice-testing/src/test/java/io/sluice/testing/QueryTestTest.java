package io.sluice.testing;

import static io.sluice.testing.QueryTest.checkAnswer;
import static io.sluice.testing.QueryTest.checkOrderedAnswer;
import static io.sluice.testing.QueryTest.row;
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
}
