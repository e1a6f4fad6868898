package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import java.util.ArrayList;
import java.util.List;

/** Rows held in memory, split into {@code numPartitions} slices of consecutive rows. */
public final class LocalTableScanOperator implements PhysicalOperator {
  private final List<AttributeReference> output;
  private final List<ColumnBatch> data;
  private final int slices;
  private final long totalRows;

  public LocalTableScanOperator(
      List<AttributeReference> output, List<ColumnBatch> data, int slices) {
    this.output = List.copyOf(output);
    this.data = List.copyOf(data);
    this.slices = Math.max(1, slices);
    long n = 0;
    for (ColumnBatch b : data) n += b.numRows();
    this.totalRows = n;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public List<PhysicalOperator> children() {
    return List.of();
  }

  @Override
  public int numPartitions() {
    return slices;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    long from = totalRows * partition / slices;
    long to = totalRows * (partition + 1) / slices;
    List<ColumnBatch> out = new ArrayList<>();
    long start = 0;
    for (ColumnBatch b : data) {
      long end = start + b.numRows();
      long lo = Math.max(start, from);
      long hi = Math.min(end, to);
      if (lo < hi) {
        if (lo == start && hi == end) {
          out.add(b);
        } else {
          int n = (int) (hi - lo);
          int[] sel = new int[n];
          for (int i = 0; i < n; i++) sel[i] = (int) (lo - start) + i;
          out.add(b.gather(sel, n));
        }
      }
      start = end;
    }
    return BatchIterator.of(out);
  }

  @Override
  public String nodeName() {
    return "LocalTableScan";
  }

  @Override
  public String argString() {
    return PlanText.list(output);
  }

  @Override
  public String toString() {
    return treeString();
  }
}
