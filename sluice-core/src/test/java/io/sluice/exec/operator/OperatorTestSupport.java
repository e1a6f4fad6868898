package io.sluice.exec.operator;

import io.sluice.config.SQLConf;
import io.sluice.exec.planner.PhysicalPlanner;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Builds in-memory relations and runs plans on a real scheduler, returning rows. */
public final class OperatorTestSupport {
  private OperatorTestSupport() {}

  /** A relation with columns {@code names[i]} of {@code types[i]} holding {@code rows}. */
  public static LocalRelation relation(String[] names, DataType[] types, List<Object[]> rows) {
    return relation(names, types, rows, Integer.MAX_VALUE);
  }

  /** As {@link #relation}, the rows split into batches of at most {@code batchRows}. */
  public static LocalRelation relation(
      String[] names, DataType[] types, List<Object[]> rows, int batchRows) {
    List<AttributeReference> attrs = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      attrs.add(AttributeReference.create(names[i], types[i], true));
    }
    List<ColumnBatch> batches = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += batchRows) {
      int to = Math.min(rows.size(), from + batchRows);
      ColumnVector[] cols = new ColumnVector[types.length];
      for (int c = 0; c < types.length; c++) {
        cols[c] = ColumnVector.allocate(types[c], to - from);
        for (int r = from; r < to; r++) cols[c].append(rows.get(r)[c]);
      }
      batches.add(new ColumnBatch(cols, to - from));
    }
    return new LocalRelation(attrs, batches);
  }

  public static Object[] row(Object... values) {
    return values;
  }

  public static SQLConf conf(int threads, Consumer<SQLConf> settings) {
    SQLConf conf = new SQLConf(threads);
    settings.accept(conf);
    return conf;
  }

  /** Plans {@code plan} with {@code conf} and collects its rows on {@code threads} workers. */
  public static List<Object[]> run(LogicalPlan plan, SQLConf conf) {
    return run(new PhysicalPlanner(conf).plan(plan), conf);
  }

  public static List<Object[]> run(PhysicalOperator op, SQLConf conf) {
    try (TaskScheduler scheduler = new TaskScheduler(conf.workerThreads())) {
      List<ColumnBatch> batches = scheduler.collect(op, new TaskContext(conf, scheduler));
      return rows(batches);
    }
  }

  public static List<Object[]> rows(List<ColumnBatch> batches) {
    List<Object[]> out = new ArrayList<>();
    for (ColumnBatch b : batches) {
      for (int r = 0; r < b.numRows(); r++) {
        Object[] row = new Object[b.numColumns()];
        for (int c = 0; c < row.length; c++) row[c] = b.column(c).getObject(r);
        out.add(row);
      }
    }
    return out;
  }

  /** Rows as comparable text, e.g. {@code [1, a, null]}, for order-insensitive assertions. */
  public static List<String> text(List<Object[]> rows) {
    List<String> out = new ArrayList<>();
    for (Object[] r : rows) out.add(Arrays.deepToString(r));
    return out;
  }

  public static List<String> sortedText(List<Object[]> rows) {
    List<String> out = text(rows);
    out.sort(null);
    return out;
  }
}
