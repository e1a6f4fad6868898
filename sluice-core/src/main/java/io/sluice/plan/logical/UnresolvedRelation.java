package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/** A table or view by name, looked up by the analyzer. */
public record UnresolvedRelation(List<String> nameParts) implements LeafNode {
  public UnresolvedRelation {
    nameParts = List.copyOf(nameParts);
  }

  @Override
  public List<AttributeReference> output() {
    throw new IllegalStateException("Unresolved relation " + nameParts + " has no output yet");
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String argString() {
    return nameParts.toString();
  }
}
