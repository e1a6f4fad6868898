package io.sluice.internal;

import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.UnaryMinus;

/**
 * Gives arithmetic and casts built by the API the ANSI mode of the session that uses them: columns
 * are built without a session (as in Spark 4), so the mode is fixed when a DataFrame method
 * receives the column. {@code TRY} modes ({@code try_cast}) are kept.
 */
public final class EvalModes {
  private EvalModes() {}

  /** {@code e} with every non-TRY arithmetic, negation and user cast in the given mode. */
  public static Expression withSessionMode(Expression e, boolean ansi) {
    EvalMode mode = EvalMode.fromAnsi(ansi);
    if (!e.exists(x -> needsChange(x, mode))) return e;
    return e.transformUp(
        x -> {
          if (x instanceof BinaryArithmetic b && needsChange(b, mode)) {
            return new BinaryArithmetic(b.op(), b.left(), b.right(), mode);
          }
          if (x instanceof UnaryMinus u && needsChange(u, mode)) {
            return new UnaryMinus(u.child(), mode);
          }
          if (x instanceof Cast c && needsChange(c, mode)) {
            return new Cast(c.child(), c.dataType(), mode, c.userSpecified());
          }
          return x;
        });
  }

  private static boolean needsChange(Expression x, EvalMode mode) {
    EvalMode current;
    if (x instanceof BinaryArithmetic b) {
      current = b.evalMode();
    } else if (x instanceof UnaryMinus u) {
      current = u.evalMode();
    } else if (x instanceof Cast c) {
      current = c.evalMode();
    } else {
      return false;
    }
    return current != EvalMode.TRY && current != mode;
  }
}
