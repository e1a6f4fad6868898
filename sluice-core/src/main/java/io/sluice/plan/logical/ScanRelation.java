package io.sluice.plan.logical;

import io.sluice.connector.BatchScan;
import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * Reads a {@link BatchScan}. {@code output} holds the columns read, a subset of the scan's schema
 * after column pruning, each attribute named as its schema field.
 */
public record ScanRelation(BatchScan scan, List<AttributeReference> output) implements LeafNode {
  public ScanRelation {
    output = List.copyOf(output);
  }

  /** A relation reading every column of the scan, with fresh attributes. */
  public static ScanRelation of(BatchScan scan) {
    List<AttributeReference> out = new java.util.ArrayList<>();
    for (io.sluice.types.StructField f : scan.schema().fields()) {
      out.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
    }
    return new ScanRelation(scan, out);
  }

  @Override
  public String nodeName() {
    return "Relation";
  }

  @Override
  public String argString() {
    return scan.description() + " " + LogicalPlan.bracket(output);
  }
}
