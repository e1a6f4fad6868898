package io.sluice.plan.logical;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/** Rows held in memory as column batches: {@code createDataFrame}, small test inputs. */
public record LocalRelation(List<AttributeReference> output, List<ColumnBatch> data)
    implements LeafNode {
  public LocalRelation {
    output = List.copyOf(output);
    data = List.copyOf(data);
  }

  public long numRows() {
    long n = 0;
    for (ColumnBatch b : data) n += b.numRows();
    return n;
  }

  @Override
  public String argString() {
    return LogicalPlan.bracket(output);
  }
}
