package io.sluice.exec.operator;

import io.sluice.plan.logical.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/** Joins by comparing every pair of rows: the reference the hash join must agree with. */
final class JoinReference {
  private JoinReference() {}

  static List<Object[]> join(
      JoinType type,
      List<Object[]> left,
      List<Object[]> right,
      int leftWidth,
      int rightWidth,
      BiPredicate<Object[], Object[]> match) {
    List<Object[]> out = new ArrayList<>();
    boolean[] rightMatched = new boolean[right.size()];
    for (Object[] l : left) {
      boolean matched = false;
      for (int j = 0; j < right.size(); j++) {
        Object[] r = right.get(j);
        if (!match.test(l, r)) continue;
        matched = true;
        rightMatched[j] = true;
        if (!type.leftOnly()) out.add(concat(l, r));
      }
      switch (type) {
        case LEFT_SEMI -> {
          if (matched) out.add(l);
        }
        case LEFT_ANTI -> {
          if (!matched) out.add(l);
        }
        case LEFT_OUTER, FULL_OUTER -> {
          if (!matched) out.add(concat(l, new Object[rightWidth]));
        }
        default -> {}
      }
    }
    if (type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER) {
      for (int j = 0; j < right.size(); j++) {
        if (!rightMatched[j]) out.add(concat(new Object[leftWidth], right.get(j)));
      }
    }
    return out;
  }

  static Object[] concat(Object[] a, Object[] b) {
    Object[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
