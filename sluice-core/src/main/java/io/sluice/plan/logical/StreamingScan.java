package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * The input of source {@code sourceIndex} in the current micro-batch of a running query: the
 * incremental plan is built once per query start with these leaves, and each micro-batch supplies
 * their data. {@code output} holds the columns read (a subset after column pruning).
 */
public record StreamingScan(int sourceIndex, String description, List<AttributeReference> output)
    implements LeafNode {
  public StreamingScan {
    output = List.copyOf(output);
  }

  @Override
  public boolean isStreaming() {
    return true;
  }

  @Override
  public String nodeName() {
    return "StreamingDataSourceV2ScanRelation";
  }

  @Override
  public String argString() {
    return description + " " + LogicalPlan.bracket(output);
  }
}
