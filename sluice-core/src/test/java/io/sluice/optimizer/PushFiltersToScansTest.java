package io.sluice.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.SourceFilter;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Or;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which predicates become source filters. */
class PushFiltersToScansTest {
  private final AttributeReference id = AttributeReference.create("id", DataTypes.LongType, true);
  private final AttributeReference s = AttributeReference.create("s", DataTypes.StringType, true);

  @Test
  void comparisonsWithLiteralsOfTheColumnsTypeTranslateEitherWayRound() {
    assertThat(PushFiltersToScans.translate(new Comparison(Comparison.Op.GE, id, Literal.of(5L))))
        .isEqualTo(new SourceFilter.Compare("id", SourceFilter.Op.GE, 5L));
    assertThat(PushFiltersToScans.translate(new Comparison(Comparison.Op.LT, Literal.of(5L), id)))
        .isEqualTo(new SourceFilter.Compare("id", SourceFilter.Op.GT, 5L));
    // a literal of another type (the analyzer would have cast the column) is not pushed
    assertThat(PushFiltersToScans.translate(new Comparison(Comparison.Op.EQ, id, Literal.of(5))))
        .isNull();
    assertThat(PushFiltersToScans.translate(new Comparison(Comparison.Op.EQ, id, s))).isNull();
  }

  @Test
  void andKeepsWhatTranslatesOrNeedsBothSides() {
    Expression eq = new Comparison(Comparison.Op.EQ, s, Literal.of("a"));
    Expression opaque = new Comparison(Comparison.Op.EQ, id, s);
    assertThat(PushFiltersToScans.translate(new And(eq, opaque)))
        .isEqualTo(new SourceFilter.Compare("s", SourceFilter.Op.EQ, "a"));
    assertThat(PushFiltersToScans.translate(new Or(eq, opaque))).isNull();
    assertThat(PushFiltersToScans.translate(new Or(eq, new IsNull(id))))
        .isEqualTo(
            new SourceFilter.Or(
                new SourceFilter.Compare("s", SourceFilter.Op.EQ, "a"),
                new SourceFilter.IsNull("id")));
    assertThat(PushFiltersToScans.translate(new In(id, List.of(Literal.of(1L), Literal.of(2L)))))
        .isEqualTo(new SourceFilter.In("id", List.of(1L, 2L)));
  }
}
