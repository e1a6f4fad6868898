/**
 * Window specifications for window functions, as Spark's {@code org.apache.spark.sql.expressions}:
 * {@link io.sluice.expressions.Window} and {@link io.sluice.expressions.WindowSpec}.
 */
package io.sluice.expressions;
