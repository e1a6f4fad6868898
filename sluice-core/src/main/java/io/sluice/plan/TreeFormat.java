package io.sluice.plan;

import java.util.List;
import java.util.function.Function;

/**
 * Draws a tree of plan nodes as Spark's {@code treeString} does: one node a line, children under
 * their parent with {@code :- } before all but the last child and {@code +- } before it.
 */
public final class TreeFormat {
  private TreeFormat() {}

  public static <T> String draw(
      T root, Function<T, String> label, Function<T, List<? extends T>> children) {
    StringBuilder sb = new StringBuilder();
    draw(root, label, children, sb, "", "");
    return sb.toString();
  }

  private static <T> void draw(
      T node,
      Function<T, String> label,
      Function<T, List<? extends T>> children,
      StringBuilder sb,
      String firstPrefix,
      String restPrefix) {
    sb.append(firstPrefix).append(label.apply(node)).append('\n');
    List<? extends T> kids = children.apply(node);
    for (int i = 0; i < kids.size(); i++) {
      boolean last = i == kids.size() - 1;
      draw(
          kids.get(i),
          label,
          children,
          sb,
          restPrefix + (last ? "+- " : ":- "),
          restPrefix + (last ? "   " : ":  "));
    }
  }
}
