package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Union;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinAndUnionResolutionTest extends AnalysisTestSupport {
  private final AttributeReference id = notNull("id", DataTypes.IntegerType);
  private final AttributeReference name = attr("name", DataTypes.StringType);
  private final AttributeReference rid = notNull("ID", DataTypes.LongType);
  private final AttributeReference score = notNull("score", DataTypes.DoubleType);
  private final LogicalPlan left = relation(id, name);
  private final LogicalPlan right = relation(score, rid);

  private LogicalPlan using(JoinType type) {
    return analyze(new Join(left, right, type, null, List.of("id")));
  }

  @Test
  void innerUsingJoinKeepsOneKeyFirstThenLeftThenRight() {
    LogicalPlan p = using(JoinType.INNER);
    assertThat(names(p)).containsExactly("id", "name", "score");
    assertThat(p.output())
        .extracting(AttributeReference::exprId)
        .containsExactly(id.exprId(), name.exprId(), score.exprId());
    Join join = (Join) ((Project) p).child();
    // The int key is compared with the bigint key as bigint.
    assertThat(join.condition())
        .isEqualTo(
            new Comparison(
                Comparison.Op.EQ, Cast.implicit(id, DataTypes.LongType, EvalMode.ANSI), rid));
    assertThat(join.usingColumns()).isEmpty();
  }

  @Test
  void outerUsingJoinsPickTheKeySideAndNullability() {
    LogicalPlan leftOuter = using(JoinType.LEFT_OUTER);
    assertThat(names(leftOuter)).containsExactly("id", "name", "score");
    assertThat(leftOuter.output())
        .extracting(AttributeReference::nullable)
        .containsExactly(false, true, true);

    LogicalPlan rightOuter = using(JoinType.RIGHT_OUTER);
    assertThat(names(rightOuter)).containsExactly("ID", "name", "score");
    assertThat(rightOuter.output().get(0).exprId()).isEqualTo(rid.exprId());
    assertThat(rightOuter.output())
        .extracting(AttributeReference::nullable)
        .containsExactly(false, true, false);

    LogicalPlan full = using(JoinType.FULL_OUTER);
    assertThat(names(full)).containsExactly("id", "name", "score");
    NamedExpression key = ((Project) full).projectList().get(0);
    assertThat(((Alias) key).child())
        .isEqualTo(
            new Coalesce(
                List.of(
                    Cast.implicit(id.withNullability(true), DataTypes.LongType, EvalMode.ANSI),
                    rid.withNullability(true))));
    assertThat(full.output().get(0).dataType()).isEqualTo(DataTypes.LongType);
    assertThat(full.output())
        .extracting(AttributeReference::nullable)
        .containsExactly(true, true, true);

    assertThat(names(using(JoinType.LEFT_SEMI))).containsExactly("id", "name");
  }

  @Test
  void usingColumnMissingOnOneSide() {
    assertError(
        new Join(left, right, JoinType.INNER, null, List.of("name")),
        "UNRESOLVED_USING_COLUMN_FOR_JOIN",
        "colName",
        "`name`",
        "side",
        "right",
        "suggestion",
        "`ID`, `score`");
  }

  @Test
  void selfJoinGivesTheRightSideFreshIds() {
    LogicalPlan p = analyze(new Join(left, left, JoinType.INNER, null, List.of("id")));
    assertThat(names(p)).containsExactly("id", "name", "name");
    Join join = (Join) ((Project) p).child();
    LocalRelation r = (LocalRelation) join.right();
    assertThat(r.output()).extracting(AttributeReference::name).containsExactly("id", "name");
    assertThat(r.output().get(0).exprId()).isNotEqualTo(id.exprId());
    assertThat(join.condition()).isEqualTo(new Comparison(Comparison.Op.EQ, id, r.output().get(0)));
    assertThat(p.output().get(2).exprId()).isEqualTo(r.output().get(1).exprId());
  }

  @Test
  void selfJoinRenewsAliasesAndReferencesInsideTheRightSide() {
    Project derived = select(left, col("id"), as(col("name"), "n"));
    LogicalPlan analyzedDerived = analyze(derived);
    LogicalPlan p =
        analyze(new Join(analyzedDerived, analyzedDerived, JoinType.CROSS, null, List.of()));
    Project rightSide = (Project) ((Join) p).right();
    assertThat(rightSide.output())
        .extracting(AttributeReference::exprId)
        .doesNotContainAnyElementsOf(
            analyzedDerived.output().stream().map(AttributeReference::exprId).toList());
    // The right side's alias reads the right side's renewed column.
    LocalRelation rightLeaf = (LocalRelation) rightSide.child();
    assertThat(((Alias) rightSide.projectList().get(1)).child())
        .isEqualTo(rightLeaf.output().get(1));
  }

  @Test
  void joinConditionMustBeBoolean() {
    assertError(
        new Join(left, right, JoinType.INNER, Literal.of(1), List.of()),
        "JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE",
        "joinCondition",
        "\"1\"",
        "conditionType",
        "\"INT\"");
  }

  @Test
  void joinConditionResolvesAgainstBothSides() {
    // Names match case-insensitively, so id and ID are ambiguous without qualifiers.
    assertError(
        new Join(
            left,
            right,
            JoinType.INNER,
            new Comparison(Comparison.Op.EQ, col("id"), col("score")),
            List.of()),
        "AMBIGUOUS_REFERENCE",
        "name",
        "`id`",
        "referenceNames",
        "[`ID`, `id`]");
    LogicalPlan p =
        analyze(
            new Join(
                new io.sluice.plan.logical.SubqueryAlias("l", left),
                new io.sluice.plan.logical.SubqueryAlias("r", right),
                JoinType.INNER,
                new And(
                    new Comparison(Comparison.Op.EQ, col("l.id"), col("r.ID")),
                    new Comparison(Comparison.Op.GT, col("score"), Literal.of(1))),
                List.of()));
    assertThat(p.resolved()).isTrue();
    assertThat(names(p)).containsExactly("id", "name", "score", "ID");
  }

  @Test
  void positionalUnionWidensColumnTypes() {
    AttributeReference x = attr("x", DataTypes.IntegerType);
    AttributeReference y = attr("y", DataTypes.StringType);
    AttributeReference z = attr("z", new DecimalType(5, 2));
    AttributeReference w = attr("w", DataTypes.StringType);
    LogicalPlan p = analyze(new Union(List.of(relation(x, y), relation(z, w)), false, false));
    assertThat(names(p)).containsExactly("x", "y");
    assertThat(types(p)).containsExactly(new DecimalType(12, 2), DataTypes.StringType);
    Project first = (Project) ((Union) p).children().get(0);
    assertThat(((Alias) first.projectList().get(0)).child())
        .isEqualTo(Cast.implicit(x, new DecimalType(12, 2), EvalMode.ANSI));
    assertThat(((Union) p).children().get(1)).isInstanceOf(Project.class);
  }

  @Test
  void ansiUnionOfIntAndStringIsBigintLegacyIsString() {
    LogicalPlan u =
        new Union(
            List.of(
                relation(attr("x", DataTypes.IntegerType)),
                relation(attr("y", DataTypes.StringType))),
            false,
            false);
    assertThat(types(analyze(u))).containsExactly(DataTypes.LongType);
    conf.set(io.sluice.config.SQLConf.ANSI_ENABLED, false);
    assertThat(types(analyze(u))).containsExactly(DataTypes.StringType);
  }

  @Test
  void unionChecksColumnCountsAndTypes() {
    assertError(
        new Union(
            List.of(
                left,
                select(left, col("id"), col("name")),
                relation(attr("a", DataTypes.IntegerType))),
            false,
            false),
        "NUM_COLUMNS_MISMATCH",
        "operator",
        "UNION",
        "firstNumColumns",
        "2",
        "invalidOrdinalNum",
        "third",
        "invalidNumColumns",
        "1");
    assertError(
        new Union(
            List.of(
                relation(attr("a", DataTypes.IntegerType)),
                relation(attr("b", DataTypes.DateType))),
            false,
            false),
        "INCOMPATIBLE_COLUMN_TYPE",
        "operator",
        "UNION",
        "columnOrdinalNumber",
        "first",
        "tableOrdinalNumber",
        "second",
        "dataType1",
        "\"DATE\"",
        "dataType2",
        "\"INT\"",
        "hint",
        "");
  }

  @Test
  void unionByNameReordersColumnsOfLaterChildren() {
    AttributeReference n2 = attr("NAME", DataTypes.StringType);
    AttributeReference id2 = attr("id", DataTypes.IntegerType);
    LogicalPlan p = analyze(new Union(List.of(left, relation(n2, id2)), true, false));
    Project second = (Project) ((Union) p).children().get(1);
    assertThat(second.projectList()).containsExactly(id2, n2);
    assertThat(names(p)).containsExactly("id", "name");
    assertThat(p.output().get(0).nullable()).isTrue();
  }

  @Test
  void unionByNameMissingColumn() {
    assertError(
        new Union(List.of(left, relation(attr("id", DataTypes.IntegerType))), true, false),
        "UNRESOLVED_COLUMN_AMONG_FIELD_NAMES",
        "colName",
        "name",
        "fieldNames",
        "id");
    assertError(
        new Union(
            List.of(
                left,
                relation(attr("id", DataTypes.IntegerType), attr("Id", DataTypes.IntegerType))),
            true,
            false),
        "COLUMN_ALREADY_EXISTS",
        "columnName",
        "`id`");
  }

  @Test
  void unionByNameAllowingMissingColumnsFillsNulls() {
    AttributeReference extra = attr("extra", DataTypes.DoubleType);
    AttributeReference id2 = attr("id", DataTypes.LongType);
    LogicalPlan p = analyze(new Union(List.of(left, relation(extra, id2)), true, true));
    assertThat(names(p)).containsExactly("id", "name", "extra");
    assertThat(types(p))
        .containsExactly(DataTypes.LongType, DataTypes.StringType, DataTypes.DoubleType);
    Union u = (Union) p;
    // The left side gets a null for the right side's extra column, the right side a null name.
    assertThat(u.children().get(0).output())
        .extracting(AttributeReference::name)
        .containsExactly("id", "name", "extra");
    assertThat(u.children().get(1).output())
        .extracting(AttributeReference::name)
        .containsExactly("id", "name", "extra");
    String plan = p.treeString();
    assertThat(plan).contains("NULL AS name").contains("NULL AS extra");
  }
}
