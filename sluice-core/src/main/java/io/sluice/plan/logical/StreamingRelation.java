package io.sluice.plan.logical;

import io.sluice.connector.StreamSourceDefinition;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming source in a query as defined: {@code readStream()...load()}. When the query starts,
 * the streaming runtime replaces it with a {@link StreamingScan} that reads one micro-batch's input
 * at a time.
 */
public record StreamingRelation(StreamSourceDefinition source, List<AttributeReference> output)
    implements LeafNode {
  public StreamingRelation {
    output = List.copyOf(output);
  }

  /** A relation over every column of the source, with fresh attributes. */
  public static StreamingRelation of(StreamSourceDefinition source) {
    List<AttributeReference> out = new ArrayList<>();
    for (StructField f : source.schema().fields()) {
      out.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
    }
    return new StreamingRelation(source, out);
  }

  @Override
  public boolean isStreaming() {
    return true;
  }

  @Override
  public String argString() {
    return source.description() + ", " + LogicalPlan.bracket(output);
  }
}
