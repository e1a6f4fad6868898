package io.sluice.exec.expr;

import io.sluice.exec.expr.fn.ScalarKernels;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BoundReference;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.CreateNamedStruct;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetArrayItem;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.DataType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a bound, resolved expression into a {@link VectorEvaluator}. Compile once per query (per
 * task) and reuse the evaluator for every batch; an evaluator is not thread-safe.
 *
 * <p>{@link #compile} gives a <em>durable</em> result: the returned vector is never changed
 * afterwards, so an operator may keep it (a projected column). {@link #compileTransient} gives a
 * result valid only until the next call, for operators that consume it at once (filter conditions,
 * grouping and join keys, aggregate arguments): its kernels write into the same buffers every
 * batch. Either way, the children of the primitive kernels (arithmetic, comparisons, logic) are
 * transient, since those kernels only read them; the children of other evaluators, which may hand
 * out a child's vector as their own result, are as durable as that result.
 *
 * <p>An expression without an evaluator (unbound attributes, aggregate calls, unresolved nodes)
 * fails here, at compile time, with an {@code INTERNAL_ERROR} naming it.
 */
public final class ExpressionCompiler {
  private ExpressionCompiler() {}

  /** An evaluator whose results stay valid (see the class comment). */
  public static VectorEvaluator compile(Expression e, EvalContext ctx) {
    return compile(e, ctx, false);
  }

  /** An evaluator whose result is valid until its next call (see the class comment). */
  public static VectorEvaluator compileTransient(Expression e, EvalContext ctx) {
    return compile(e, ctx, true);
  }

  private static VectorEvaluator compile(Expression e, EvalContext ctx, boolean reuse) {
    if (e instanceof BoundReference b) {
      int ordinal = b.ordinal();
      return batch -> batch.column(ordinal);
    }
    if (e instanceof Literal l) return new LiteralEvaluator(l.value(), l.dataType());
    if (e instanceof Alias a) return compile(a.child(), ctx, reuse);
    if (e instanceof LambdaFunction) {
      // evaluated by its higher-order function's kernel through LambdaBody, never on its own
      return batch -> {
        throw EvalErrors.unsupported("a lambda function outside its higher-order function");
      };
    }
    if (e instanceof ScalarFunction f) {
      List<VectorEvaluator> args = new ArrayList<>(f.arguments().size());
      for (Expression a : f.arguments()) args.add(compile(a, ctx, reuse));
      return ScalarKernels.lookup(f.name()).create(f, args, ctx);
    }
    ResultBuffer buf = new ResultBuffer(reuse);
    if (e instanceof BinaryArithmetic b) {
      boolean kids = reuse || ArithmeticEvaluators.consumesChildren(b);
      return ArithmeticEvaluators.compile(
          b, compile(b.left(), ctx, kids), compile(b.right(), ctx, kids), ctx, buf);
    }
    if (e instanceof UnaryMinus u) {
      boolean kids = reuse || ArithmeticEvaluators.consumesChild(u);
      return ArithmeticEvaluators.unaryMinus(u, compile(u.child(), ctx, kids), buf);
    }
    if (e instanceof Comparison c) {
      return ComparisonEvaluators.compile(
          c, compile(c.left(), ctx, true), compile(c.right(), ctx, true), buf);
    }
    if (e instanceof And a) {
      return LogicEvaluators.and(
          compile(a.left(), ctx, true), selective(a.right(), ctx, true), buf);
    }
    if (e instanceof Or o) {
      return LogicEvaluators.or(compile(o.left(), ctx, true), selective(o.right(), ctx, true), buf);
    }
    if (e instanceof Not n) return LogicEvaluators.not(compile(n.child(), ctx, true), buf);
    if (e instanceof IsNull n) {
      return LogicEvaluators.isNull(compile(n.child(), ctx, true), false, buf);
    }
    if (e instanceof IsNotNull n) {
      return LogicEvaluators.isNull(compile(n.child(), ctx, true), true, buf);
    }
    if (e instanceof In in) {
      return LogicEvaluators.in(
          in, compile(in.value(), ctx, true), compileAll(in.list(), ctx, true));
    }
    if (e instanceof CaseWhen c) return caseWhen(c, ctx, reuse);
    if (e instanceof Coalesce c) {
      List<SelectiveEvaluator> args = new ArrayList<>();
      for (Expression a : c.arguments()) args.add(selective(a, ctx, reuse));
      return ConditionalEvaluators.coalesce(c.dataType(), args);
    }
    if (e instanceof Cast c) return CastEvaluator.compile(c, compile(c.child(), ctx, reuse), ctx);
    if (e instanceof CreateNamedStruct s) {
      return ComplexTypeEvaluators.createStruct(s, compileAll(s.values(), ctx, reuse));
    }
    if (e instanceof GetStructField g) {
      return ComplexTypeEvaluators.getStructField(compile(g.child(), ctx, reuse), g.ordinal());
    }
    if (e instanceof GetArrayItem g) {
      return ComplexTypeEvaluators.getArrayItem(
          compile(g.child(), ctx, reuse), compile(g.index(), ctx, reuse), g.failOnError());
    }
    if (e instanceof GetMapValue g) {
      return ComplexTypeEvaluators.getMapValue(
          compile(g.child(), ctx, reuse), compile(g.key(), ctx, reuse));
    }
    throw EvalErrors.unsupported(
        "expression "
            + e.getClass().getSimpleName()
            + ": "
            + describe(e)
            + " (only bound, resolved, non-aggregate expressions can be evaluated)");
  }

  private static String describe(Expression e) {
    try {
      return e.sql();
    } catch (RuntimeException ex) {
      return e.toString();
    }
  }

  private static List<VectorEvaluator> compileAll(
      List<Expression> es, EvalContext ctx, boolean reuse) {
    List<VectorEvaluator> out = new ArrayList<>(es.size());
    for (Expression x : es) out.add(compile(x, ctx, reuse));
    return out;
  }

  private static VectorEvaluator caseWhen(CaseWhen c, EvalContext ctx, boolean reuse) {
    List<SelectiveEvaluator> conditions = new ArrayList<>();
    List<SelectiveEvaluator> values = new ArrayList<>();
    for (CaseWhen.Branch b : c.branches()) {
      // conditions are only read; values may become the result
      conditions.add(selective(b.condition(), ctx, true));
      values.add(selective(b.value(), ctx, reuse));
    }
    SelectiveEvaluator elseValue =
        c.elseValue() == null ? null : selective(c.elseValue(), ctx, reuse);
    return ConditionalEvaluators.caseWhen(c.dataType(), conditions, values, elseValue);
  }

  private static SelectiveEvaluator selective(Expression e, EvalContext ctx, boolean reuse) {
    int max = -1;
    for (BoundReference b : e.collect(BoundReference.class)) max = Math.max(max, b.ordinal());
    boolean[] used = new boolean[max + 1];
    for (BoundReference b : e.collect(BoundReference.class)) used[b.ordinal()] = true;
    return new SelectiveEvaluator(compile(e, ctx, reuse), e.dataType(), used, canFail(e));
  }

  /** True when evaluating {@code e} on a row might raise an error (rather than give null). */
  static boolean canFail(Expression e) {
    return e.exists(ExpressionCompiler::nodeCanFail);
  }

  private static boolean nodeCanFail(Expression x) {
    if (x instanceof BinaryArithmetic b) {
      return b.evalMode() == EvalMode.ANSI
          || (b.evalMode() == EvalMode.LEGACY && strictOverflow(b.left().dataType()));
    }
    if (x instanceof UnaryMinus u) {
      return u.evalMode() == EvalMode.ANSI
          || (u.evalMode() == EvalMode.LEGACY && strictOverflow(u.child().dataType()));
    }
    if (x instanceof Cast c) {
      return c.evalMode() != EvalMode.TRY && !c.child().dataType().equals(c.dataType());
    }
    if (x instanceof GetArrayItem g) return g.failOnError();
    return !(x instanceof BoundReference
        || x instanceof Literal
        || x instanceof Alias
        || x instanceof Comparison
        || x instanceof And
        || x instanceof Or
        || x instanceof Not
        || x instanceof IsNull
        || x instanceof IsNotNull
        || x instanceof In
        || x instanceof CaseWhen
        || x instanceof Coalesce
        || x instanceof CreateNamedStruct
        || x instanceof GetStructField
        || x instanceof GetMapValue);
  }

  private static boolean strictOverflow(DataType t) {
    return t instanceof DayTimeIntervalType
        || t instanceof YearMonthIntervalType
        || t instanceof TimestampType;
  }
}
