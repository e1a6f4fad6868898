package io.sluice.exec.operator;

import io.sluice.connector.BatchScan;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link BatchScan}, one task per input partition, the relation's columns only. */
public final class BatchScanOperator implements PhysicalOperator {
  private final BatchScan scan;
  private final List<AttributeReference> output;
  private final StructType readSchema;

  public BatchScanOperator(BatchScan scan, List<AttributeReference> output) {
    this.scan = scan;
    this.output = List.copyOf(output);
    List<StructField> fields = new ArrayList<>();
    for (AttributeReference a : output) {
      fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
    }
    this.readSchema = new StructType(fields);
  }

  public StructType readSchema() {
    return readSchema;
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
    return scan.numPartitions();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    return scan.read(partition, readSchema, context.batchSize());
  }

  @Override
  public String nodeName() {
    return "BatchScan";
  }

  @Override
  public String argString() {
    return scan.description() + " " + PlanText.list(output);
  }

  @Override
  public String toString() {
    return treeString();
  }
}
