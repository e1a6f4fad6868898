/**
 * Expressions: immutable records forming trees, unresolved (names, function calls) or resolved
 * (typed attributes, operators, casts, aggregate calls). {@link
 * io.sluice.plan.expr.Expression#sql()} gives the generated column names Spark gives.
 *
 * <p>Depends on types, errors and vectors only; never on analysis, execution or the API.
 */
package io.sluice.plan.expr;
