/**
 * Shared plumbing of plan trees (drawing them as text). Logical plans live in {@code
 * io.sluice.plan.logical}, expressions in {@code io.sluice.plan.expr}.
 */
package io.sluice.plan;
