package io.sluice.exec.planner;

import io.sluice.streaming.OutputMode;

/**
 * What planning a streaming query's incremental plan needs beyond a batch plan: the output mode
 * (stateful operators emit by it) and the ids of stateful operators, numbered in the order the
 * planner meets them; the runtime records them in the checkpoint with a description of each
 * operator and checks them on restart.
 */
public final class StreamingPlanContext {
  private final OutputMode outputMode;
  private final java.util.List<String> operators = new java.util.ArrayList<>();

  public StreamingPlanContext(OutputMode outputMode) {
    this.outputMode = outputMode;
  }

  public OutputMode outputMode() {
    return outputMode;
  }

  /** Assigns the next operator id to an operator described by {@code description}. */
  long register(String description) {
    operators.add(description);
    return operators.size() - 1;
  }

  /** The descriptions of the stateful operators, by id. */
  public java.util.List<String> operators() {
    return java.util.List.copyOf(operators);
  }
}
