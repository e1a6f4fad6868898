package io.sluice.plan.expr;

/** How arithmetic and casts treat errors: Spark's {@code EvalMode}. */
public enum EvalMode {
  /** Non-ANSI: overflow wraps, invalid casts give null. */
  LEGACY,
  /** ANSI: overflow, division by zero and invalid casts raise errors. */
  ANSI,
  /** try_* functions: errors become null. */
  TRY;

  public static EvalMode fromAnsi(boolean ansi) {
    return ansi ? ANSI : LEGACY;
  }
}
