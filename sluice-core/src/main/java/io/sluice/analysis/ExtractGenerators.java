package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Generator;
import io.sluice.plan.expr.MultiAlias;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Generate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code ExtractGenerator}: a projection with a generator item ({@code SELECT a,
 * explode(arr) AS x}) becomes a projection over a {@link Generate} node, the generator's item
 * replaced by the generated columns (named after the alias or multi-alias, else {@code col}, {@code
 * pos}, {@code key}, {@code value} or the struct's fields). Only one generator per projection, only
 * as a whole item, and only in projections; anything else is an {@code UNSUPPORTED_GENERATOR}
 * error.
 *
 * <pre>{@code
 * Project [a#1, explode(arr#2) AS (...)]     Project [a#1, col#5]
 * +- LocalRelation [a#1, arr#2]         =>   +- Generate explode(arr#2), [], false, [col#5]
 *                                               +- LocalRelation [a#1, arr#2]
 * }</pre>
 */
final class ExtractGenerators implements AnalyzerRule {
  private final AnalysisContext ctx;

  ExtractGenerators(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (p instanceof Project pr) {
            // a projection with aggregates becomes an aggregation first (GlobalAggregates)
            if (hasAggregate(pr.projectList())) return pr;
            return ctx.readiness().childrenReady(pr) ? extract(pr) : pr;
          }
          if (p instanceof Aggregate a && hasGenerator(a.aggregateExpressions())) {
            return ctx.readiness().childrenReady(a) ? extractFromAggregate(a) : a;
          }
          if (p instanceof Generate g
              && !g.resolved()
              && g.generator().resolved()
              && ctx.readiness().childrenReady(g)) {
            return resolveLateralView(g);
          }
          if (!(p instanceof Generate)) {
            for (Expression e : p.expressions()) {
              if (e.exists(x -> x instanceof Generator g && g.resolved())) {
                throw QueryErrors.error(
                    ErrorClass.UNSUPPORTED_GENERATOR_OUTSIDE_SELECT,
                    "plan",
                    p.nodeName() + " " + p.argString());
              }
            }
          }
          return p;
        });
  }

  private LogicalPlan extract(Project p) {
    Generator found = null;
    NamedExpression foundItem = null;
    List<Generator> generators = new ArrayList<>();
    for (NamedExpression item : p.projectList()) {
      Generator g = generatorOf(item);
      Expression rest = g != null ? g.child() : item;
      if (rest.exists(x -> x instanceof Generator)) {
        throw QueryErrors.error(
            ErrorClass.UNSUPPORTED_GENERATOR_NESTED_IN_EXPRESSIONS,
            "expression",
            QueryErrors.toSQLExpr(trimAlias(item)));
      }
      if (g == null) {
        if (item instanceof MultiAlias m && m.child().resolved()) {
          throw QueryErrors.error(
              ErrorClass.MULTI_ALIAS_WITHOUT_GENERATOR,
              "names",
              String.join(", ", m.names()),
              "expr",
              QueryErrors.toSQLExpr(m.child()));
        }
        if (!item.resolved()) return p;
        continue;
      }
      if (!g.resolved()) return p;
      generators.add(g);
      found = g;
      foundItem = item;
    }
    if (generators.isEmpty()) return p;
    if (generators.size() > 1) {
      List<String> shown = new ArrayList<>();
      for (Generator g : generators) shown.add(QueryErrors.toSQLExpr(g));
      throw QueryErrors.error(
          ErrorClass.UNSUPPORTED_GENERATOR_MULTI_GENERATOR,
          "num",
          String.valueOf(generators.size()),
          "generators",
          String.join(", ", shown));
    }
    List<AttributeReference> output = generatorOutput(found, aliasesOf(foundItem), found.outer());
    List<NamedExpression> list = new ArrayList<>();
    for (NamedExpression item : p.projectList()) {
      if (item == foundItem) {
        list.addAll(output);
      } else {
        list.add(item);
      }
    }
    return new Project(list, Generate.of(found, found.outer(), output, p.child()));
  }

  private static boolean hasAggregate(List<NamedExpression> items) {
    for (NamedExpression item : items) {
      if (item.exists(x -> x instanceof AggregateCall)) return true;
    }
    return false;
  }

  private static boolean hasGenerator(List<NamedExpression> items) {
    for (NamedExpression item : items) {
      if (item.exists(x -> x instanceof Generator)) return true;
    }
    return false;
  }

  /**
   * A generator in an aggregation's select list ({@code SELECT explode(array(min(x), max(x))) ...
   * GROUP BY k}): the aggregation computes the generator's input as a column {@code _gen_input_0},
   * and a projection above it holds the generator over that column, which {@link #extract} then
   * turns into a {@link Generate}, as Spark's {@code ExtractGenerator} does.
   */
  private static LogicalPlan extractFromAggregate(Aggregate a) {
    NamedExpression genItem = null;
    List<Generator> generators = new ArrayList<>();
    for (NamedExpression item : a.aggregateExpressions()) {
      Generator g = generatorOf(item);
      Expression rest = g != null ? g.child() : item;
      if (rest.exists(x -> x instanceof Generator)) {
        throw QueryErrors.error(
            ErrorClass.UNSUPPORTED_GENERATOR_NESTED_IN_EXPRESSIONS,
            "expression",
            QueryErrors.toSQLExpr(trimAlias(item)));
      }
      if (g != null) {
        generators.add(g);
        genItem = item;
      }
      if ((g != null && !g.resolved()) || (g == null && !item.resolved())) return a;
    }
    if (generators.size() > 1) {
      List<String> shown = new ArrayList<>();
      for (Generator g : generators) shown.add(QueryErrors.toSQLExpr(g));
      throw QueryErrors.error(
          ErrorClass.UNSUPPORTED_GENERATOR_MULTI_GENERATOR,
          "num",
          String.valueOf(generators.size()),
          "generators",
          String.join(", ", shown));
    }
    Generator g = generators.get(0);
    List<NamedExpression> aggList = new ArrayList<>();
    List<NamedExpression> projectList = new ArrayList<>();
    for (NamedExpression item : a.aggregateExpressions()) {
      if (item != genItem) {
        aggList.add(item);
        projectList.add(item.toAttribute());
        continue;
      }
      Expression input = g.child();
      if (!input.foldable()) {
        Alias in = Alias.of(input, "_gen_input_0");
        aggList.add(in);
        input = in.toAttribute();
      }
      Expression generator = g.withChildren(List.of(input));
      projectList.add((NamedExpression) item.withChildren(List.of(generator)));
    }
    return new Project(projectList, new Aggregate(a.groupingExpressions(), aggList, a.child()));
  }

  /** {@code LATERAL VIEW [OUTER] generator(...) t AS names}: the generated columns. */
  private static LogicalPlan resolveLateralView(Generate g) {
    if (!(g.generator() instanceof Generator gen)) {
      String name =
          g.generator() instanceof io.sluice.plan.expr.ScalarFunction f
              ? f.prettyName()
              : g.generator().getClass().getSimpleName();
      throw QueryErrors.error(
          ErrorClass.UNSUPPORTED_GENERATOR_NOT_GENERATOR,
          "functionName",
          QueryErrors.toSQLId(name),
          "classCanonicalName",
          g.generator().getClass().getName());
    }
    Expression nested = gen.child();
    if (nested.exists(x -> x instanceof Generator)) {
      throw QueryErrors.error(
          ErrorClass.UNSUPPORTED_GENERATOR_NESTED_IN_EXPRESSIONS,
          "expression",
          QueryErrors.toSQLExpr(gen));
    }
    boolean outer = g.outer() || gen.outer();
    return new Generate(
        gen,
        List.of(),
        outer,
        g.qualifier(),
        g.outputNames(),
        generatorOutput(gen, g.outputNames(), outer),
        g.child());
  }

  /** The generator a projection item consists of (possibly aliased), or null. */
  private static Generator generatorOf(NamedExpression item) {
    if (item instanceof Alias a && a.child() instanceof Generator g) return g;
    if (item instanceof MultiAlias m && m.child() instanceof Generator g) return g;
    return null;
  }

  private static List<String> aliasesOf(NamedExpression item) {
    if (item instanceof Alias a) return List.of(a.name());
    return ((MultiAlias) item).names();
  }

  private static Expression trimAlias(NamedExpression item) {
    if (item instanceof Alias a) return a.child();
    if (item instanceof MultiAlias m) return m.child();
    return item;
  }

  /** The generated columns, named by the aliases when given (as many as columns). */
  private static List<AttributeReference> generatorOutput(
      Generator g, List<String> aliases, boolean outer) {
    StructField[] fields = g.elementSchema().fields();
    if (!aliases.isEmpty() && aliases.size() != fields.length) {
      throw QueryErrors.error(
          ErrorClass.UDTF_ALIAS_NUMBER_MISMATCH,
          "aliasesSize",
          String.valueOf(fields.length),
          "aliasesNames",
          String.join(",", aliases));
    }
    List<AttributeReference> out = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i++) {
      String name = aliases.isEmpty() ? fields[i].name() : aliases.get(i);
      out.add(AttributeReference.create(name, fields[i].dataType(), fields[i].nullable() || outer));
    }
    return out;
  }
}
