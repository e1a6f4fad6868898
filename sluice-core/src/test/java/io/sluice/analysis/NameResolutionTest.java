package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetArrayItem;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.UnresolvedExtractValue;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.UnresolvedRelation;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameResolutionTest extends AnalysisTestSupport {
  private final AttributeReference a = attr("a", DataTypes.IntegerType);
  private final AttributeReference b = attr("b", DataTypes.StringType);
  private final LogicalPlan rel = relation(a, b);

  @Test
  void resolvesColumnsIgnoringCaseToTheChildsAttributes() {
    LogicalPlan p = analyze(select(rel, col("B"), col("a")));
    assertThat(((Project) p).projectList()).containsExactly(b, a);
  }

  @Test
  void caseSensitiveSessionDoesNotMatchOtherCase() {
    // Both candidates are one edit away; ties keep the input order.
    conf.set(SQLConf.CASE_SENSITIVE, true);
    assertError(
        select(rel, col("B")),
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "objectName",
        "`B`",
        "proposal",
        "`a`, `b`");
  }

  @Test
  void unresolvedColumnProposesClosestNamesFirstAndAtMostFive() {
    LogicalPlan wide =
        relation(
            attr("amount", DataTypes.IntegerType),
            attr("id", DataTypes.IntegerType),
            attr("amounts", DataTypes.IntegerType),
            attr("x", DataTypes.IntegerType),
            attr("y", DataTypes.IntegerType),
            attr("zzzzzz", DataTypes.IntegerType),
            attr("mount", DataTypes.IntegerType));
    assertError(
        select(wide, col("amout")),
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "objectName",
        "`amout`",
        "proposal",
        "`amount`, `amounts`, `mount`, `id`, `x`");
  }

  @Test
  void unresolvedColumnWithoutAnyInputColumnHasNoSuggestion() {
    assertError(
        select(relation(), col("x")), "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "objectName", "`x`");
  }

  @Test
  void suggestionsKeepQualifiersWhenTheNameIsQualified() {
    LogicalPlan t = new SubqueryAlias("t", rel);
    assertError(
        select(t, col("t.c")),
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "objectName",
        "`t`.`c`",
        "proposal",
        "`t`.`a`, `t`.`b`");
    // An unqualified name drops the qualifier every candidate shares.
    assertError(
        select(t, col("c")),
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "objectName",
        "`c`",
        "proposal",
        "`a`, `b`");
  }

  @Test
  void suggestionsBackquoteNamesWithDots() {
    LogicalPlan dotted = relation(attr("the.id", DataTypes.IntegerType));
    assertError(
        select(dotted, col("the.id")),
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "objectName",
        "`the`.`id`",
        "proposal",
        "`the.id`");
    LogicalPlan p = analyze(select(dotted, col("`the.id`")));
    assertThat(names(p)).containsExactly("the.id");
  }

  @Test
  void qualifiedNamesResolveThroughSubqueryAliases() {
    LogicalPlan p = analyze(select(new SubqueryAlias("t", rel), col("t.a"), col("T.b")));
    assertThat(p.output())
        .extracting(AttributeReference::exprId)
        .containsExactly(a.exprId(), b.exprId());
    assertThat(p.output().get(0).qualifier()).containsExactly("t");
  }

  @Test
  void ambiguousNameListsEveryCandidateSorted() {
    AttributeReference a2 = attr("a", DataTypes.IntegerType);
    LogicalPlan join =
        new Join(
            new SubqueryAlias("y", rel),
            new SubqueryAlias("x", relation(a2)),
            JoinType.INNER,
            null,
            List.of());
    assertError(
        select(join, col("a")),
        "AMBIGUOUS_REFERENCE",
        "name",
        "`a`",
        "referenceNames",
        "[`x`.`a`, `y`.`a`]");
    LogicalPlan p = analyze(select(join, col("x.a")));
    assertThat(p.output().get(0).exprId()).isEqualTo(a2.exprId());
  }

  @Test
  void nestedFieldIsAliasedToItsNameInAProjectionButNotInAFilter() {
    StructType inner = new StructType().add("c", DataTypes.LongType);
    StructType outer = new StructType().add("b", inner);
    AttributeReference s = attr("s", outer);
    LogicalPlan r = relation(s);
    LogicalPlan p = analyze(select(r, col("s.b.c")));
    NamedExpression item = ((Project) p).projectList().get(0);
    assertThat(item).isInstanceOf(Alias.class);
    assertThat(item.name()).isEqualTo("c");
    assertThat(((Alias) item).child())
        .isEqualTo(new GetStructField(new GetStructField(s, 0, "b"), 0, "c"));
    assertThat(p.output().get(0).dataType()).isEqualTo(DataTypes.LongType);

    LogicalPlan f =
        analyze(new Filter(new Comparison(Comparison.Op.GT, col("S.B.C"), Literal.of(1L)), r));
    Expression left = ((Comparison) ((Filter) f).condition()).left();
    assertThat(left).isEqualTo(new GetStructField(new GetStructField(s, 0, "B"), 0, "C"));
  }

  @Test
  void missingStructFieldAndNonStructBase() {
    AttributeReference s =
        attr("s", new StructType().add("x", DataTypes.IntegerType).add("y", DataTypes.IntegerType));
    assertError(
        select(relation(s, a), col("s.z")),
        "FIELD_NOT_FOUND",
        "fieldName",
        "`z`",
        "fields",
        "`x`, `y`");
    assertError(
        select(relation(s, a), col("a.z")),
        "INVALID_EXTRACT_BASE_FIELD_TYPE",
        "base",
        "\"a\"",
        "other",
        "\"INT\"");
  }

  @Test
  void extractValueByBaseType() {
    AttributeReference arr = attr("arr", new ArrayType(DataTypes.StringType, true));
    AttributeReference m =
        attr("m", new MapType(DataTypes.StringType, DataTypes.IntegerType, true));
    AttributeReference s = attr("s", new StructType().add("f", DataTypes.DoubleType));
    LogicalPlan r = relation(arr, m, s);
    LogicalPlan p =
        analyze(
            select(
                r,
                unnamed(new UnresolvedExtractValue(col("arr"), Literal.of(1))),
                unnamed(new UnresolvedExtractValue(col("m"), Literal.of("k"))),
                unnamed(new UnresolvedExtractValue(col("s"), Literal.of("f")))));
    List<NamedExpression> list = ((Project) p).projectList();
    assertThat(((Alias) list.get(0)).child()).isEqualTo(new GetArrayItem(arr, Literal.of(1), true));
    assertThat(((Alias) list.get(1)).child()).isEqualTo(new GetMapValue(m, Literal.of("k")));
    assertThat(((Alias) list.get(2)).child()).isEqualTo(new GetStructField(s, 0, "f"));
    assertThat(names(p)).containsExactly("arr[1]", "m[k]", "s.f");
    assertError(
        select(r, unnamed(new UnresolvedExtractValue(col("s"), Literal.of(0)))),
        "INVALID_EXTRACT_FIELD_TYPE",
        "extraction",
        "\"0\"");
  }

  @Test
  void mapKeyIsCastToTheKeyType() {
    AttributeReference m = attr("m", new MapType(DataTypes.LongType, DataTypes.StringType, true));
    LogicalPlan p =
        analyze(select(relation(m), unnamed(new UnresolvedExtractValue(col("m"), Literal.of(1)))));
    GetMapValue g = (GetMapValue) onlyExpression(p);
    assertThat(g.key().dataType()).isEqualTo(DataTypes.LongType);
    assertThat(names(p)).containsExactly("m[1]");
  }

  @Test
  void starExpandsToAllColumnsQualifiedColumnsOrStructFields() {
    AttributeReference s =
        attr("s", new StructType().add("x", DataTypes.IntegerType).add("y", DataTypes.StringType));
    AttributeReference c = attr("c", DataTypes.IntegerType);
    LogicalPlan join =
        new Join(
            new SubqueryAlias("t", rel),
            new SubqueryAlias("u", relation(s, c)),
            JoinType.CROSS,
            null,
            List.of());
    assertThat(names(analyze(select(join, new UnresolvedStar(List.of())))))
        .containsExactly("a", "b", "s", "c");
    assertThat(names(analyze(select(join, new UnresolvedStar(List.of("U"))))))
        .containsExactly("s", "c");
    LogicalPlan fields = analyze(select(join, new UnresolvedStar(List.of("s"))));
    assertThat(names(fields)).containsExactly("x", "y");
    assertThat(((Alias) ((Project) fields).projectList().get(1)).child())
        .isEqualTo(new GetStructField(s.withQualifier(List.of("u")), 1, "y"));
    assertError(
        select(join, new UnresolvedStar(List.of("v"))),
        "CANNOT_RESOLVE_STAR_EXPAND",
        "targetString",
        "`v`",
        "columns",
        "`a`, `b`, `s`, `c`");
    assertError(
        select(join, new UnresolvedStar(List.of("c"))),
        "_LEGACY_ERROR_TEMP_1050",
        "attributes",
        "c");
  }

  @Test
  void starOutsideAProjectionIsInvalid() {
    assertError(
        new Filter(new UnresolvedStar(List.of()), rel),
        "INVALID_USAGE_OF_STAR_OR_REGEX",
        "elem",
        "'*'",
        "prettyName",
        "Filter");
  }

  @Test
  void dataFrameAttributesResolveByIdAndTakeTheInputsNullability() {
    AttributeReference k = notNull("k", DataTypes.IntegerType);
    AttributeReference v = notNull("v", DataTypes.IntegerType);
    LogicalPlan join =
        new Join(
            relation(k),
            relation(v),
            JoinType.LEFT_OUTER,
            new Comparison(Comparison.Op.EQ, k, v),
            List.of());
    LogicalPlan p = analyze(select(join, v));
    assertThat(p.output().get(0).exprId()).isEqualTo(v.exprId());
    assertThat(p.output().get(0).nullable()).isTrue();
  }

  @Test
  void attributeFromAnotherPlanIsMissing() {
    AttributeReference otherA = attr("a", DataTypes.IntegerType);
    AttributeReference otherC = attr("c", DataTypes.IntegerType);
    assertError(
        select(rel, otherA),
        "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION",
        "missingAttributes",
        "\"a\"",
        "input",
        "\"a\", \"b\"",
        "operation",
        "\"a\"");
    assertError(
        select(rel, otherC),
        "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT",
        "missingAttributes",
        "\"c\"",
        "input",
        "\"a\", \"b\"");
  }

  @Test
  void viewsResolveFromTheCatalogUnderTheirName() {
    catalog.createTempView("people", rel, false);
    LogicalPlan p = analyze(select(new UnresolvedRelation(List.of("people")), col("people.a")));
    assertThat(p.output().get(0).exprId()).isEqualTo(a.exprId());
    assertThat(p.output().get(0).qualifier()).containsExactly("people");
    assertError(
        new UnresolvedRelation(List.of("db", "nope")),
        "TABLE_OR_VIEW_NOT_FOUND",
        "relationName",
        "`db`.`nope`");
  }

  @Test
  void unresolvedAliasNamesCastsAfterTheirColumn() {
    LogicalPlan p =
        analyze(
            select(
                rel,
                unnamed(
                    io.sluice.plan.expr.Cast.user(
                        col("a"), DataTypes.LongType, io.sluice.plan.expr.EvalMode.ANSI)),
                unnamed(Literal.of("x")),
                unnamed(col("b"))));
    assertThat(names(p)).containsExactly("a", "x", "b");
    assertThat(((Project) p).projectList().get(2)).isEqualTo(b);
  }

  @Test
  void unnamedNestedColumnIsNamedAfterItsLastPart() {
    AttributeReference s = attr("s", new StructType().add("inner", DataTypes.IntegerType));
    LogicalPlan p = analyze(select(relation(s), unnamed(col("s.inner"))));
    assertThat(names(p)).containsExactly("inner");
  }

  @Test
  void globalTemporaryViewsResolveUnderGlobalTemp() {
    catalog.createGlobalTempView("shared", rel, false);
    LogicalPlan p =
        analyze(select(new UnresolvedRelation(List.of("global_temp", "shared")), col("shared.b")));
    assertThat(p.output().get(0).exprId()).isEqualTo(b.exprId());
  }

  @Test
  void arrayIndexMustBeIntegral() {
    AttributeReference arr = attr("arr", new ArrayType(DataTypes.StringType, true));
    assertError(
        select(relation(arr, b), unnamed(new UnresolvedExtractValue(col("arr"), col("b")))),
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        "sqlExpr",
        "\"arr[b]\"",
        "paramIndex",
        "second",
        "requiredType",
        "\"INTEGRAL\"",
        "inputType",
        "\"STRING\"");
  }
}
