package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.UnresolvedDeduplicate;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateAndSortResolutionTest extends AnalysisTestSupport {
  private final AttributeReference k = attr("k", DataTypes.StringType);
  private final AttributeReference v = attr("v", DataTypes.IntegerType);
  private final AttributeReference w = attr("w", DataTypes.LongType);
  private final LogicalPlan rel = relation(k, v, w);

  private static Aggregate groupBy(
      LogicalPlan child, List<Expression> keys, NamedExpression... aggs) {
    return new Aggregate(keys, Arrays.asList(aggs), child);
  }

  private static Sort orderBy(LogicalPlan child, Expression... keys) {
    List<SortOrder> order = new ArrayList<>();
    for (Expression e : keys) order.add(SortOrder.asc(e));
    return new Sort(order, true, child);
  }

  @Test
  void groupedAggregateResolvesKeysAndCalls() {
    LogicalPlan p =
        analyze(
            groupBy(
                rel,
                List.of(col("k")),
                unnamed(col("k")),
                unnamed(fn("sum", col("v"))),
                as(fn("max", col("w")), "top")));
    assertThat(names(p)).containsExactly("k", "sum(v)", "top");
    assertThat(types(p))
        .containsExactly(DataTypes.StringType, DataTypes.LongType, DataTypes.LongType);
    assertThat(((Aggregate) p).groupingExpressions()).containsExactly(k);
  }

  @Test
  void groupingExpressionsMayBeUsedInAggregateExpressions() {
    Expression kPlus =
        new BinaryArithmetic(BinaryArithmetic.Op.ADD, col("v"), Literal.of(1), EvalMode.ANSI);
    LogicalPlan p =
        analyze(groupBy(rel, List.of(kPlus), unnamed(kPlus), unnamed(fn("count", Literal.of(1)))));
    assertThat(names(p)).containsExactly("(v + 1)", "count(1)");
  }

  @Test
  void nonAggregatedColumnOutsideTheGrouping() {
    assertError(
        groupBy(rel, List.of(col("k")), unnamed(col("v"))),
        "MISSING_AGGREGATION",
        "expression",
        "\"v\"",
        "expressionAnyValue",
        "\"any_value(v)\"");
  }

  @Test
  void globalAggregateWithAPlainColumn() {
    assertError(select(rel, unnamed(col("k")), unnamed(fn("sum", col("v")))), "MISSING_GROUP_BY");
  }

  @Test
  void nestedAggregates() {
    assertError(
        groupBy(rel, List.of(col("k")), unnamed(fn("sum", fn("max", col("v"))))),
        "NESTED_AGGREGATE_FUNCTION");
  }

  @Test
  void aggregateInGroupingOrUnorderableGroupingKey() {
    assertError(
        groupBy(rel, List.of(fn("max", col("v"))), unnamed(fn("count", Literal.of(1)))),
        "GROUP_BY_AGGREGATE",
        "sqlExpr",
        "max(v)");
    AttributeReference m = attr("m", new MapType(DataTypes.StringType, DataTypes.LongType, true));
    assertError(
        groupBy(relation(m), List.of(col("m")), unnamed(fn("count", Literal.of(1)))),
        "GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE",
        "sqlExpr",
        "\"m\"",
        "dataType",
        "\"MAP<STRING, BIGINT>\"");
  }

  @Test
  void projectionWithAggregatesBecomesAGlobalAggregate() {
    LogicalPlan p =
        analyze(select(rel, unnamed(fn("sum", col("v"))), as(fn("count", Literal.of(1)), "n")));
    assertThat(p).isInstanceOf(Aggregate.class);
    assertThat(((Aggregate) p).groupingExpressions()).isEmpty();
    assertThat(names(p)).containsExactly("sum(v)", "n");
  }

  @Test
  void aggregateInAFilterIsInvalid() {
    assertError(
        new Filter(new Comparison(Comparison.Op.EQ, col("v"), distinctFn("max", col("v"))), rel),
        "INVALID_WHERE_CONDITION",
        "condition",
        "\"(v = max(DISTINCT v))\"",
        "expressionList",
        "max(DISTINCT v)");
  }

  @Test
  void sortByAColumnTheProjectionDropped() {
    LogicalPlan p = analyze(orderBy(select(rel, col("k")), col("v")));
    // Project [k] <- Sort [v] <- Project [k, v] <- relation
    assertThat(names(p)).containsExactly("k");
    Sort sort = (Sort) ((Project) p).child();
    assertThat(sort.order().get(0).child()).isEqualTo(v);
    assertThat(sort.child().output()).containsExactly(k, v);
  }

  @Test
  void sortAndFilterReachThroughLimitAndNestedProjections() {
    LogicalPlan inner = new Limit(10, select(select(rel, col("k"), col("v")), col("k")));
    LogicalPlan p =
        analyze(new Filter(new Comparison(Comparison.Op.GT, col("w"), Literal.of(0L)), inner));
    assertThat(names(p)).containsExactly("k");
    Filter f = (Filter) ((Project) p).child();
    assertThat(f.child().output()).containsExactly(k, w);
  }

  @Test
  void sortByADataFrameColumnFromBelow() {
    LogicalPlan p = analyze(orderBy(select(rel, col("k")), w));
    assertThat(names(p)).containsExactly("k");
    assertThat(((Sort) ((Project) p).child()).child().output()).containsExactly(k, w);
  }

  @Test
  void sortOverAggregateUsesExistingAggregatesAndAddsMissingOnes() {
    Aggregate agg =
        groupBy(rel, List.of(col("k")), unnamed(col("k")), unnamed(fn("sum", col("v"))));
    // sum(v) is already computed: the sort reads its column.
    LogicalPlan same = analyze(orderBy(agg, fn("sum", col("v"))));
    Sort s1 = (Sort) same;
    Aggregate a1 = (Aggregate) s1.child();
    assertThat(s1.order().get(0).child()).isEqualTo(a1.output().get(1));
    // max(w) is not: it is added to the aggregate and projected away.
    LogicalPlan added = analyze(orderBy(agg, fn("max", col("w"))));
    assertThat(names(added)).containsExactly("k", "sum(v)");
    Sort s2 = (Sort) ((Project) added).child();
    Aggregate a2 = (Aggregate) s2.child();
    assertThat(names(a2)).containsExactly("k", "sum(v)", "max(w)");
    assertThat(s2.order().get(0).child()).isEqualTo(a2.output().get(2));
    assertThat(((Alias) a2.aggregateExpressions().get(2)).child())
        .isEqualTo(new AggregateCall(AggregateCall.Function.MAX, List.of(w), false));
  }

  @Test
  void sortOverAggregateByAnAliasOrAGroupingKeyNotInTheOutput() {
    Aggregate agg = groupBy(rel, List.of(col("k")), as(fn("sum", col("v")), "total"));
    LogicalPlan byAlias = analyze(orderBy(agg, col("total")));
    assertThat(names(byAlias)).containsExactly("total");
    LogicalPlan byKey = analyze(orderBy(agg, col("k")));
    assertThat(names(byKey)).containsExactly("total");
    Aggregate a = (Aggregate) ((Sort) ((Project) byKey).child()).child();
    assertThat(a.output()).extracting(AttributeReference::name).containsExactly("total", "k");
  }

  @Test
  void sortOverAggregateByANonGroupedColumnIsUnresolved() {
    Aggregate agg =
        groupBy(rel, List.of(col("k")), unnamed(col("k")), as(fn("count", col("v")), "n"));
    assertError(
        orderBy(agg, col("w")),
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "objectName",
        "`w`",
        "proposal",
        "`k`, `n`");
  }

  @Test
  void filterOverAggregateMayUseAnotherAggregate() {
    Aggregate agg = groupBy(rel, List.of(col("k")), as(fn("max", col("v")), "top"));
    LogicalPlan p =
        analyze(
            new Filter(new Comparison(Comparison.Op.GT, fn("sum", col("w")), Literal.of(0L)), agg));
    assertThat(names(p)).containsExactly("top");
    Filter f = (Filter) ((Project) p).child();
    assertThat(names(f.child())).containsExactly("top", "sum(w)");
  }

  @Test
  void sortingByAMapIsInvalid() {
    AttributeReference m = attr("m", new MapType(DataTypes.StringType, DataTypes.LongType, true));
    assertError(
        orderBy(relation(m), col("m")),
        "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
        "sqlExpr",
        "\"m ASC NULLS FIRST\"",
        "functionName",
        "`sortorder`",
        "dataType",
        "\"MAP<STRING, BIGINT>\"");
  }

  @Test
  void aggregateInASortWithoutAggregateIsUnsupported() {
    assertError(
        orderBy(rel, fn("sum", col("v"))),
        "UNSUPPORTED_EXPR_FOR_OPERATOR",
        "invalidExprSqls",
        "\"sum(v)\"");
  }

  @Test
  void dropDuplicatesByName() {
    AttributeReference k2 = attr("K", DataTypes.IntegerType);
    LogicalPlan withTwoKs = relation(k, v, k2);
    LogicalPlan p = analyze(new UnresolvedDeduplicate(List.of("k"), withTwoKs));
    assertThat(((Deduplicate) p).keys()).containsExactly(k, k2);
    LogicalPlan all = analyze(new UnresolvedDeduplicate(List.of(), rel));
    assertThat(((Deduplicate) all).keys()).containsExactly(k, v, w);
    assertError(
        new UnresolvedDeduplicate(List.of("v", "zz"), rel),
        "UNRESOLVED_COLUMN_AMONG_FIELD_NAMES",
        "colName",
        "zz",
        "fieldNames",
        "k, v, w");
  }

  @Test
  void analyzingAnAnalyzedPlanChangesNothing() {
    LogicalPlan p =
        analyze(
            orderBy(
                groupBy(
                    select(
                        rel,
                        col("k"),
                        col("v"),
                        unnamed(
                            new BinaryArithmetic(
                                BinaryArithmetic.Op.DIVIDE, col("v"), col("w"), EvalMode.ANSI))),
                    List.of(col("k")),
                    unnamed(col("k")),
                    unnamed(fn("mean", col("v")))),
                fn("max", col("v"))));
    assertThat(analyze(p)).isEqualTo(p);
    Aggregate agg = (Aggregate) ((Sort) ((Project) p).child()).child();
    assertThat(((Alias) agg.aggregateExpressions().get(1)).child())
        .as("mean is replaced by avg once named")
        .isInstanceOf(AggregateCall.class);
    assertThat(names(p)).containsExactly("k", "mean(v)");
  }

  @Test
  void groupingByANestedFieldSpelledDifferently() {
    AttributeReference st =
        attr("st", new io.sluice.types.StructType().add("f", DataTypes.IntegerType));
    LogicalPlan p =
        analyze(
            groupBy(
                relation(st, v),
                List.of(col("st.F")),
                unnamed(col("st.f")),
                unnamed(fn("count", col("v")))));
    assertThat(names(p)).containsExactly("f", "count(v)");
  }
}
