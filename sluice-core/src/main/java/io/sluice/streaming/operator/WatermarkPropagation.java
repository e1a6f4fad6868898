package io.sluice.streaming.operator;

import io.sluice.exec.operator.PhysicalOperator;

/**
 * The watermark each stateful operator works with when several are chained, as Spark propagates it:
 * an operator's input watermark is the smallest output watermark of the stateful operators below it
 * (the global watermark when there are none); most operators pass their input on, a stream-stream
 * join lowers it to the bounds of its own state.
 */
public final class WatermarkPropagation {
  private WatermarkPropagation() {}

  /** The input watermark of {@code op} when the global watermark is {@code globalMs}. */
  public static long inputMs(PhysicalOperator op, long globalMs) {
    long min = Long.MAX_VALUE;
    for (PhysicalOperator c : op.children()) min = Math.min(min, outputBelow(c, globalMs));
    return min == Long.MAX_VALUE ? globalMs : min;
  }

  /** The output watermark of the stateful operators in {@code node}'s subtree, or MAX_VALUE. */
  private static long outputBelow(PhysicalOperator node, long globalMs) {
    if (node instanceof StatefulOperator s) return s.outputWatermarkMs(inputMs(node, globalMs));
    long min = Long.MAX_VALUE;
    for (PhysicalOperator c : node.children()) min = Math.min(min, outputBelow(c, globalMs));
    return min;
  }
}
