/**
 * Logical plans: what a query computes, as immutable records. Built unresolved by the API and the
 * SQL parser, resolved by {@code io.sluice.analysis}, rewritten by {@code io.sluice.optimizer},
 * turned into operators by {@code io.sluice.exec.planner}.
 */
package io.sluice.plan.logical;
