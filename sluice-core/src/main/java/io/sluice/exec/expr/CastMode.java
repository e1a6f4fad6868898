package io.sluice.exec.expr;

import io.sluice.plan.expr.EvalMode;
import io.sluice.types.DataType;
import java.time.ZoneId;

/**
 * One cast's source and target types, eval mode and session zone: decides what a malformed or
 * out-of-range value becomes. ANSI raises ({@code CAST_INVALID_INPUT}, {@code CAST_OVERFLOW}); TRY
 * gives null; LEGACY gives null for malformed input and Java's narrowing on overflow.
 */
record CastMode(EvalMode mode, DataType from, DataType to, ZoneId zone) {

  boolean ansi() {
    return mode == EvalMode.ANSI;
  }

  boolean legacy() {
    return mode == EvalMode.LEGACY;
  }

  /** The same mode for a nested cast (array elements, struct fields, map entries). */
  CastMode nested(DataType nestedFrom, DataType nestedTo) {
    return new CastMode(mode, nestedFrom, nestedTo, zone);
  }

  /** Raises for malformed input in ANSI mode; otherwise returns, and the row becomes null. */
  void invalid(Object value) {
    if (ansi()) throw EvalErrors.castInvalidInput(value, from, to, zone);
  }

  /**
   * Handles an overflowing row: raises in ANSI mode, returns true (make the row null) in TRY mode
   * and false (keep the narrowed value) in LEGACY mode.
   */
  boolean overflow(Object value) {
    if (ansi()) throw EvalErrors.castOverflow(value, from, to, zone);
    return mode == EvalMode.TRY;
  }

  /** Like {@link #overflow} for a decimal target: ANSI raises NUMERIC_VALUE_OUT_OF_RANGE. */
  boolean decimalOverflow(java.math.BigDecimal value, io.sluice.types.DecimalType t) {
    if (ansi()) throw EvalErrors.numericOutOfRange(value, t.precision(), t.scale());
    return true;
  }
}
