package io.sluice.exec.operator;

import io.sluice.plan.expr.Expression;
import java.util.List;

/** How an exchange distributes rows over its output partitions. */
public sealed interface Partitioning {
  int numPartitions();

  /** The text shown in plans, e.g. {@code hashpartitioning(a#1, 4)}. */
  String text();

  /** Rows with equal values of {@code expressions} go to the same partition. */
  record Hash(List<Expression> expressions, int numPartitions) implements Partitioning {
    public Hash {
      expressions = List.copyOf(expressions);
    }

    @Override
    public String text() {
      String list = PlanText.list(expressions);
      return "hashpartitioning("
          + list.substring(1, list.length() - 1)
          + ", "
          + numPartitions
          + ")";
    }
  }

  /** Every row to one partition (global sort, global limit, aggregation without keys). */
  record Single() implements Partitioning {
    @Override
    public int numPartitions() {
      return 1;
    }

    @Override
    public String text() {
      return "SinglePartition";
    }
  }

  /** Rows dealt to partitions in turn ({@code repartition(n)}). */
  record RoundRobin(int numPartitions) implements Partitioning {
    @Override
    public String text() {
      return "RoundRobinPartitioning(" + numPartitions + ")";
    }
  }
}
