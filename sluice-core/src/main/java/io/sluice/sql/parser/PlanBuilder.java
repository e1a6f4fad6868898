package io.sluice.sql.parser;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnresolvedAlias;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Generate;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.Union;
import io.sluice.plan.logical.UnresolvedRelation;
import io.sluice.plan.logical.UnresolvedSubqueryColumnAliases;
import io.sluice.sql.parser.SluiceSqlParser.AliasedQueryContext;
import io.sluice.sql.parser.SluiceSqlParser.AliasedRelationContext;
import io.sluice.sql.parser.SluiceSqlParser.FromClauseContext;
import io.sluice.sql.parser.SluiceSqlParser.IdentifierContext;
import io.sluice.sql.parser.SluiceSqlParser.InlineRowContext;
import io.sluice.sql.parser.SluiceSqlParser.InlineTableContext;
import io.sluice.sql.parser.SluiceSqlParser.JoinRelationContext;
import io.sluice.sql.parser.SluiceSqlParser.JoinTypeContext;
import io.sluice.sql.parser.SluiceSqlParser.LateralViewContext;
import io.sluice.sql.parser.SluiceSqlParser.NamedExpressionContext;
import io.sluice.sql.parser.SluiceSqlParser.NamedQueryContext;
import io.sluice.sql.parser.SluiceSqlParser.QueryContext;
import io.sluice.sql.parser.SluiceSqlParser.QuerySpecificationContext;
import io.sluice.sql.parser.SluiceSqlParser.RelationContext;
import io.sluice.sql.parser.SluiceSqlParser.SetOperationContext;
import io.sluice.sql.parser.SluiceSqlParser.TableAliasContext;
import io.sluice.sql.parser.SluiceSqlParser.TableContext;
import io.sluice.sql.parser.SluiceSqlParser.TableNameContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds logical plans from queries, in the shapes the DataFrame API builds: {@code SELECT ... FROM
 * t WHERE c} is {@code Project(Filter(UnresolvedRelation))}, {@code GROUP BY} an {@link
 * io.sluice.plan.logical.Aggregate}, {@code HAVING} a filter over it, {@code ORDER BY} a global
 * sort above the projection, {@code LIMIT} on top. Common table expressions are substituted where
 * they are referenced (a CTE name hides a view of that name). Ordinals in {@code GROUP BY} and
 * {@code ORDER BY} are replaced by the select-list items they point at.
 */
final class PlanBuilder extends SluiceSqlBaseVisitor<LogicalPlan> {
  /** The name Spark gives a subquery in FROM without an alias. */
  static final String AUTO_SUBQUERY_NAME = "__auto_generated_subquery_name";

  private final String command;
  private final ExpressionBuilder exprs;
  private final SelectBuilder select;
  private final Deque<Map<String, LogicalPlan>> ctes = new ArrayDeque<>();

  PlanBuilder(String command, ExpressionBuilder exprs) {
    this.command = command;
    this.exprs = exprs;
    this.select = new SelectBuilder(command, exprs);
  }

  LogicalPlan plan(ParserRuleContext ctx) {
    return ctx.accept(this);
  }

  /** A relation of one row and no columns: the input of {@code SELECT 1}. */
  static LogicalPlan oneRowRelation() {
    return new LocalRelation(List.of(), List.of(new ColumnBatch(new ColumnVector[0], 1)));
  }

  @Override
  public LogicalPlan visitQuery(QueryContext ctx) {
    Map<String, LogicalPlan> scope = new HashMap<>();
    ctes.push(scope);
    try {
      if (ctx.ctes() != null) {
        for (NamedQueryContext nq : ctx.ctes().namedQuery()) {
          String name = Names.identifier(nq.name);
          LogicalPlan body = plan(nq.query());
          scope.put(name.toLowerCase(Locale.ROOT), new SubqueryAlias(name, body));
        }
      }
      LogicalPlan plan = plan(ctx.queryTerm());
      return select.organize(plan, ctx.queryOrganization(), selectList(ctx.queryTerm()));
    } finally {
      ctes.pop();
    }
  }

  /** The select list of the leftmost SELECT of a query term, for ORDER BY ordinals. */
  private static List<NamedExpressionContext> selectList(ParserRuleContext term) {
    ParserRuleContext t = term;
    while (t != null) {
      if (t instanceof QuerySpecificationContext q) return q.namedExpressionSeq().namedExpression();
      if (t instanceof QueryContext) return List.of();
      t = t.getChildCount() == 0 || !(t.getChild(0) instanceof ParserRuleContext c) ? null : c;
    }
    return List.of();
  }

  @Override
  public LogicalPlan visitSetOperation(SetOperationContext ctx) {
    LogicalPlan l = plan(ctx.left);
    LogicalPlan r = plan(ctx.right);
    boolean all = ctx.setQuantifier() != null && ctx.setQuantifier().ALL() != null;
    return switch (ctx.operator.getType()) {
      case SluiceSqlParser.UNION -> {
        List<LogicalPlan> children = new ArrayList<>();
        for (LogicalPlan p : List.of(l, r)) {
          if (all && p instanceof Union u && !u.byName()) {
            children.addAll(u.children());
          } else {
            children.add(p);
          }
        }
        Union u = new Union(children, false, false);
        yield all ? u : new Distinct(u);
      }
      case SluiceSqlParser.EXCEPT, SluiceSqlParser.SETMINUS -> new Except(l, r, all);
      default -> new Intersect(l, r, all);
    };
  }

  @Override
  public LogicalPlan visitTable(TableContext ctx) {
    return relation(Names.parts(ctx.multipartIdentifier()));
  }

  @Override
  public LogicalPlan visitSubquery(SluiceSqlParser.SubqueryContext ctx) {
    return plan(ctx.query());
  }

  @Override
  public LogicalPlan visitInlineTableDefault(SluiceSqlParser.InlineTableDefaultContext ctx) {
    return plan(ctx.inlineTable());
  }

  @Override
  public LogicalPlan visitQuerySpecification(QuerySpecificationContext ctx) {
    LogicalPlan from = ctx.fromClause() == null ? oneRowRelation() : plan(ctx.fromClause());
    return select.build(ctx, from);
  }

  @Override
  public LogicalPlan visitFromClause(FromClauseContext ctx) {
    LogicalPlan plan = null;
    for (RelationContext r : ctx.relation()) {
      LogicalPlan next = plan(r);
      plan = plan == null ? next : new Join(plan, next, JoinType.INNER, null, List.of());
    }
    for (LateralViewContext lv : ctx.lateralView()) plan = lateralView(lv, plan);
    return plan;
  }

  private LogicalPlan lateralView(LateralViewContext ctx, LogicalPlan child) {
    String fn = ExpressionBuilder.functionName(ctx.functionName());
    Expression generator = new UnresolvedFunction(fn, exprs.expressions(ctx.expression()), false);
    List<String> names = new ArrayList<>();
    for (IdentifierContext c : ctx.columns) names.add(Names.identifier(c));
    return new Generate(
        generator, ctx.OUTER() != null, Names.identifier(ctx.tableName), names, child);
  }

  @Override
  public LogicalPlan visitRelation(RelationContext ctx) {
    LogicalPlan plan = plan(ctx.relationPrimary());
    for (JoinRelationContext j : ctx.joinRelation()) {
      LogicalPlan right = plan(j.right);
      JoinType type = joinType(j.joinType());
      Expression condition = null;
      List<String> using = new ArrayList<>();
      if (j.joinCriteria() != null) {
        if (j.joinCriteria().booleanExpression() != null) {
          condition = exprs.expression(j.joinCriteria().booleanExpression());
        } else {
          for (IdentifierContext i : j.joinCriteria().identifierList().identifier()) {
            using.add(Names.identifier(i));
          }
        }
      }
      plan = new Join(plan, right, type, condition, using);
    }
    return plan;
  }

  private static JoinType joinType(JoinTypeContext ctx) {
    if (ctx.CROSS() != null) return JoinType.CROSS;
    if (ctx.SEMI() != null) return JoinType.LEFT_SEMI;
    if (ctx.ANTI() != null) return JoinType.LEFT_ANTI;
    if (ctx.LEFT() != null) return JoinType.LEFT_OUTER;
    if (ctx.RIGHT() != null) return JoinType.RIGHT_OUTER;
    if (ctx.FULL() != null) return JoinType.FULL_OUTER;
    return JoinType.INNER;
  }

  @Override
  public LogicalPlan visitTableName(TableNameContext ctx) {
    LogicalPlan rel = relation(Names.parts(ctx.multipartIdentifier()));
    return aliased(rel, ctx.tableAlias(), null);
  }

  /** A CTE in scope of that name, else a view to look up. */
  private LogicalPlan relation(List<String> parts) {
    if (parts.size() == 1) {
      String key = parts.get(0).toLowerCase(Locale.ROOT);
      for (Map<String, LogicalPlan> scope : ctes) {
        LogicalPlan cte = scope.get(key);
        if (cte != null) return cte;
      }
    }
    return new UnresolvedRelation(parts);
  }

  @Override
  public LogicalPlan visitAliasedQuery(AliasedQueryContext ctx) {
    return aliased(plan(ctx.query()), ctx.tableAlias(), AUTO_SUBQUERY_NAME);
  }

  @Override
  public LogicalPlan visitAliasedRelation(AliasedRelationContext ctx) {
    return aliased(plan(ctx.relation()), ctx.tableAlias(), null);
  }

  @Override
  public LogicalPlan visitInlineTableRelation(SluiceSqlParser.InlineTableRelationContext ctx) {
    return plan(ctx.inlineTable());
  }

  private LogicalPlan aliased(LogicalPlan plan, TableAliasContext alias, String defaultName) {
    if (alias.identifier() == null) {
      return defaultName == null ? plan : new SubqueryAlias(defaultName, plan);
    }
    if (alias.identifierList() != null) {
      List<String> names = new ArrayList<>();
      for (IdentifierContext i : alias.identifierList().identifier()) {
        names.add(Names.identifier(i));
      }
      plan = new UnresolvedSubqueryColumnAliases(names, plan);
    }
    return new SubqueryAlias(Names.identifier(alias.identifier()), plan);
  }

  /**
   * {@code VALUES (1, 'a'), (2, 'b') [AS t(x, y)]}: one projection of one row per row, united (the
   * analyzer widens the column types); columns are {@code col1, col2...} unless named.
   */
  @Override
  public LogicalPlan visitInlineTable(InlineTableContext ctx) {
    TableAliasContext alias = ctx.tableAlias();
    List<String> names = new ArrayList<>();
    if (alias.identifierList() != null) {
      for (IdentifierContext i : alias.identifierList().identifier()) {
        names.add(Names.identifier(i));
      }
    }
    List<LogicalPlan> rows = new ArrayList<>();
    int width = -1;
    for (int r = 0; r < ctx.inlineRow().size(); r++) {
      InlineRowContext row = ctx.inlineRow(r);
      List<Expression> values = exprs.expressions(row.expression());
      if (width < 0) width = names.isEmpty() ? values.size() : names.size();
      if (values.size() != width) {
        throw SyntaxErrors.error(
            command,
            row.getStart(),
            ErrorClass.INVALID_INLINE_TABLE_NUM_COLUMNS_MISMATCH,
            SluiceException.params(
                "expectedNumCols", String.valueOf(width),
                "actualNumCols", String.valueOf(values.size()),
                "rowIndex", String.valueOf(r)));
      }
      List<NamedExpression> list = new ArrayList<>();
      for (int c = 0; c < values.size(); c++) {
        list.add(Alias.of(values.get(c), names.isEmpty() ? "col" + (c + 1) : names.get(c)));
      }
      rows.add(new Project(list, oneRowRelation()));
    }
    LogicalPlan table = rows.size() == 1 ? rows.get(0) : new Union(rows, false, false);
    return alias.identifier() == null
        ? table
        : new SubqueryAlias(Names.identifier(alias.identifier()), table);
  }

  /** Names a select-list item as the DataFrame API does. */
  static NamedExpression named(Expression e) {
    return e instanceof NamedExpression n ? n : new UnresolvedAlias(e);
  }

  static SortOrder asc(Expression e) {
    return SortOrder.asc(e);
  }

  static UnresolvedAttribute attribute(String name) {
    return new UnresolvedAttribute(List.of(name));
  }
}
