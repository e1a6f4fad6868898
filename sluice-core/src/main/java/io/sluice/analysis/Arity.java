package io.sluice.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument counts a function accepts, and how Spark writes them in {@code WRONG_NUM_ARGS}:
 * {@code 1}, {@code [1, 2]} or {@code > 0}.
 */
public record Arity(List<Integer> counts, int atLeast) {
  public Arity {
    counts = List.copyOf(counts);
  }

  public static Arity exactly(int n) {
    return new Arity(List.of(n), -1);
  }

  public static Arity oneOf(int... ns) {
    List<Integer> l = new ArrayList<>();
    for (int n : ns) l.add(n);
    return new Arity(l, -1);
  }

  public static Arity atLeast(int n) {
    return new Arity(List.of(), n);
  }

  public boolean accepts(int n) {
    return atLeast >= 0 ? n >= atLeast : counts.contains(n);
  }

  /** The {@code expectedNum} parameter of {@code WRONG_NUM_ARGS}. */
  public String expectedText() {
    if (atLeast >= 0) return "> " + (atLeast - 1);
    if (counts.size() == 1) return String.valueOf(counts.get(0));
    List<String> parts = new ArrayList<>();
    for (int n : counts) parts.add(String.valueOf(n));
    return "[" + String.join(", ", parts) + "]";
  }
}
