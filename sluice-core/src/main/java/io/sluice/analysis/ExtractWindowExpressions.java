package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.NamedLambdaVariable;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark's {@code ExtractWindowExpressions}: a projection or aggregate (with its {@code HAVING}
 * filter) whose resolved items hold window expressions becomes
 *
 * <pre>{@code
 * Project [original columns]
 * +- Window [w1 AS a, ...], [partition keys], [order keys]     one per distinct window
 *    +- Project [columns and _wN expressions the windows read] (or Filter/Aggregate)
 * }</pre>
 *
 * Non-column inputs of the windows (arguments, PARTITION BY and ORDER BY expressions, aggregates
 * used around a window in an aggregate's items) are computed below as {@code _w0, _w1, ...}; window
 * expressions not aliased as a whole get internal names {@code _we0, ...}. Window functions in a
 * {@code WHERE} or {@code HAVING} condition are refused ({@code WINDOW_FUNCTION_NOT_ALLOWED}).
 */
final class ExtractWindowExpressions implements AnalyzerRule {
  private final AnalysisContext ctx;

  ExtractWindowExpressions(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return rewrite(plan);
  }

  private LogicalPlan rewrite(LogicalPlan p) {
    if (p instanceof Filter f && hasWindow(f.condition())) {
      throw QueryErrors.error(
          ErrorClass.WINDOW_FUNCTION_NOT_ALLOWED,
          "clauseName",
          f.child() instanceof Aggregate ? "HAVING" : "WHERE");
    }
    if (p instanceof Filter f && f.child() instanceof Aggregate a && hasWindow(a)) {
      if (f.condition().resolved() && ready(a)) {
        Extracted x = extract(a.aggregateExpressions());
        Aggregate agg = new Aggregate(a.groupingExpressions(), x.regular(), a.child());
        return new Project(
            attributes(a.aggregateExpressions()),
            addWindow(x.windowed(), new Filter(f.condition(), agg)));
      }
      // the HAVING condition is not resolved yet: the aggregate must wait for it
      return f.withChild(a.withChild(rewrite(a.child())));
    }
    if (p instanceof Aggregate a && hasWindow(a) && ready(a)) {
      Extracted x = extract(a.aggregateExpressions());
      Aggregate agg = new Aggregate(a.groupingExpressions(), x.regular(), rewrite(a.child()));
      return new Project(attributes(a.aggregateExpressions()), addWindow(x.windowed(), agg));
    }
    if (p instanceof Sort sort && hasWindow(sort.order()) && ready(sort)) {
      return sortByWindows(sort, rewrite(sort.child()));
    }
    if (p instanceof Project pr && hasWindow(pr.projectList()) && ready(pr)) {
      Extracted x = extract(pr.projectList());
      Project below = new Project(x.regular(), rewrite(pr.child()));
      return new Project(attributes(pr.projectList()), addWindow(x.windowed(), below));
    }
    List<LogicalPlan> kids = p.children();
    if (kids.isEmpty()) return p;
    List<LogicalPlan> next = new ArrayList<>(kids.size());
    boolean changed = false;
    for (LogicalPlan k : kids) {
      LogicalPlan n = rewrite(k);
      changed |= n != k;
      next.add(n);
    }
    return changed ? p.withChildren(next) : p;
  }

  /**
   * {@code ORDER BY} a window expression: the window is computed below the sort as an extra column,
   * which a projection above drops again.
   */
  private static LogicalPlan sortByWindows(Sort sort, LogicalPlan child) {
    List<NamedExpression> items = new ArrayList<>(child.output());
    List<SortOrder> order = new ArrayList<>();
    for (SortOrder o : sort.order()) {
      if (!hasWindow(o.child())) {
        order.add(o);
        continue;
      }
      Alias a = Alias.of(o.child(), "_sort" + order.size());
      items.add(a);
      order.add(new SortOrder(a.toAttribute(), o.ascending(), o.nullsFirst()));
    }
    Extracted x = extract(items);
    LogicalPlan withWindow = addWindow(x.windowed(), new Project(x.regular(), child));
    return new Project(new ArrayList<>(child.output()), new Sort(order, sort.global(), withWindow));
  }

  private boolean ready(LogicalPlan p) {
    return ctx.readiness().childrenReady(p) && Plans.allResolved(p.expressions());
  }

  private static boolean hasWindow(Aggregate a) {
    return hasWindow(a.aggregateExpressions());
  }

  static boolean hasWindow(List<? extends Expression> es) {
    for (Expression e : es) {
      if (hasWindow(e)) return true;
    }
    return false;
  }

  static boolean hasWindow(Expression e) {
    return e.exists(x -> x instanceof WindowExpression);
  }

  private static List<NamedExpression> attributes(List<NamedExpression> list) {
    List<NamedExpression> out = new ArrayList<>(list.size());
    for (NamedExpression e : list) out.add(e.toAttribute());
    return out;
  }

  /** Items with window expressions (inputs replaced by columns), and the items computed below. */
  private record Extracted(List<NamedExpression> windowed, List<NamedExpression> regular) {}

  private static Extracted extract(List<NamedExpression> items) {
    List<NamedExpression> regular = new ArrayList<>();
    List<NamedExpression> withWindows = new ArrayList<>();
    for (NamedExpression e : items) (hasWindow(e) ? withWindows : regular).add(e);
    Extractor x = new Extractor(regular);
    List<NamedExpression> windowed = new ArrayList<>();
    for (NamedExpression e : withWindows) windowed.add((NamedExpression) x.outside(e));
    List<NamedExpression> below = new ArrayList<>(regular);
    below.addAll(x.extracted.values());
    return new Extracted(windowed, below);
  }

  /** Replaces what windows read by columns computed below (Spark's {@code extractExpr}). */
  private static final class Extractor {
    final Set<Long> available = new HashSet<>();
    final Map<Expression, NamedExpression> extracted = new LinkedHashMap<>();

    Extractor(List<NamedExpression> regular) {
      for (NamedExpression e : regular) available.add(e.exprId());
    }

    /** An expression around (or being) window expressions. */
    Expression outside(Expression e) {
      if (e instanceof WindowExpression w) return window(w);
      if (Aggregates.isAggregate(e)) return extractAs(e);
      if (e instanceof AttributeReference a) return input(a);
      List<Expression> kids = e.children();
      if (kids.isEmpty()) return e;
      List<Expression> next = new ArrayList<>(kids.size());
      boolean changed = false;
      for (Expression k : kids) {
        Expression n = outside(k);
        changed |= n != k;
        next.add(n);
      }
      return changed ? e.withChildren(next) : e;
    }

    private Expression window(WindowExpression w) {
      Expression f = w.function();
      while (f instanceof RuntimeReplaceable r && Aggregates.isAggregate(r.replacement())) {
        f = r.replacement();
      }
      List<Expression> args = new ArrayList<>();
      for (Expression a : f.children()) args.add(input(a));
      Expression fn = f.withChildren(args);
      List<Expression> partition = new ArrayList<>();
      for (Expression p : w.partitionSpec()) partition.add(input(p));
      List<SortOrder> order = new ArrayList<>();
      for (SortOrder o : w.orderSpec()) {
        order.add(new SortOrder(input(o.child()), o.ascending(), o.nullsFirst()));
      }
      return new WindowExpression(fn, partition, order, w.frame());
    }

    /** A column, constant or lambda variable as is (making sure the column is computed below). */
    Expression input(Expression e) {
      if (e instanceof AttributeReference a) {
        if (available.add(a.exprId())) extracted.put(Canonical.canonical(a), a);
        return a;
      }
      if (e instanceof Alias al) {
        if (available.add(al.exprId())) extracted.put(Canonical.canonical(al), al);
        return al.toAttribute();
      }
      if (e.foldable() || e instanceof NamedLambdaVariable) return e;
      return extractAs(e);
    }

    private Expression extractAs(Expression e) {
      Expression key = Canonical.canonical(e);
      NamedExpression ne =
          extracted.computeIfAbsent(key, k -> Alias.of(e, "_w" + extracted.size()));
      available.add(ne.exprId());
      return ne.toAttribute();
    }
  }

  /**
   * Window nodes for the window expressions of {@code items}, one per distinct partitioning and
   * ordering, over {@code child}; a projection above gives the child's columns and the items.
   */
  private static LogicalPlan addWindow(List<NamedExpression> items, LogicalPlan child) {
    List<NamedExpression> windowExprs = new ArrayList<>();
    List<NamedExpression> rewritten = new ArrayList<>();
    for (NamedExpression item : items) {
      rewritten.add((NamedExpression) named(item, windowExprs));
    }
    Map<List<Expression>, List<NamedExpression>> groups = new LinkedHashMap<>();
    Map<List<Expression>, WindowExpression> specs = new LinkedHashMap<>();
    for (NamedExpression e : windowExprs) {
      WindowExpression w = e.collect(WindowExpression.class).get(0);
      List<Expression> key = new ArrayList<>();
      for (Expression p : w.partitionSpec()) key.add(Canonical.canonical(p));
      key.add(null);
      for (SortOrder o : w.orderSpec()) key.add(Canonical.canonical(o));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      specs.putIfAbsent(key, w);
    }
    LogicalPlan last = child;
    for (Map.Entry<List<Expression>, List<NamedExpression>> g : groups.entrySet()) {
      WindowExpression spec = specs.get(g.getKey());
      last = new Window(g.getValue(), spec.partitionSpec(), spec.orderSpec(), last);
    }
    List<NamedExpression> out = new ArrayList<>(last.output());
    Set<Long> present = new HashSet<>();
    for (AttributeReference a : last.output()) present.add(a.exprId());
    for (NamedExpression e : rewritten) {
      if (!(e instanceof AttributeReference a && present.contains(a.exprId()))) out.add(e);
    }
    return new Project(out, last);
  }

  /** Replaces window expressions by columns, collecting them (aliased) into {@code out}. */
  private static Expression named(Expression e, List<NamedExpression> out) {
    if (e instanceof Alias a && a.child() instanceof WindowExpression) {
      out.add(a);
      return a.toAttribute();
    }
    if (e instanceof WindowExpression w) {
      Alias a = Alias.of(w, "_we" + out.size());
      out.add(a);
      return a.toAttribute();
    }
    List<Expression> kids = e.children();
    if (kids.isEmpty()) return e;
    List<Expression> next = new ArrayList<>(kids.size());
    boolean changed = false;
    for (Expression k : kids) {
      Expression n = named(k, out);
      changed |= n != k;
      next.add(n);
    }
    return changed ? e.withChildren(next) : e;
  }
}
