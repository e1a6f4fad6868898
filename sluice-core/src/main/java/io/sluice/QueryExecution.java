package io.sluice;

import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stages of one DataFrame's query, as Spark's {@code QueryExecution}: the plan as built ({@link
 * #logical()}), resolved by the analyzer ({@link #analyzed()}, computed when the DataFrame is
 * defined, so analysis errors surface there), rewritten by the optimizer ({@link #optimizedPlan()})
 * and turned into operators ({@link #executedPlan()}). Each stage is computed once; {@link
 * #executeCollect()} runs the operators on every call.
 */
public final class QueryExecution {
  private final Session session;
  private final LogicalPlan logical;
  private final LogicalPlan analyzed;
  private LogicalPlan optimized;
  private PhysicalOperator physical;

  QueryExecution(Session session, LogicalPlan logical) {
    this.session = session;
    this.logical = logical;
    this.analyzed = session.analyze(logical);
  }

  /** The plan as the API built it ("parsed"). */
  public LogicalPlan logical() {
    return logical;
  }

  /** The resolved plan. */
  public LogicalPlan analyzed() {
    return analyzed;
  }

  /** The optimized plan. */
  public synchronized LogicalPlan optimizedPlan() {
    if (optimized == null) optimized = session.optimizer().optimize(analyzed);
    return optimized;
  }

  /** The physical plan. */
  public synchronized PhysicalOperator executedPlan() {
    if (physical == null) physical = session.planner().plan(optimizedPlan());
    return physical;
  }

  /**
   * Runs the query and returns its result batches, partition by partition, with columns in the
   * order of {@code analyzed().output()}.
   */
  public List<ColumnBatch> executeCollect() {
    if (analyzed.isStreaming()) {
      throw new AnalysisException(ErrorClass.QUERY_WITH_STREAMING_SOURCE, java.util.Map.of());
    }
    TaskScheduler scheduler = session.scheduler("a query");
    PhysicalOperator op = executedPlan();
    TaskContext context = new TaskContext(session.sqlConf(), scheduler);
    List<ColumnBatch> batches = scheduler.collect(op, context);
    int[] ordinals = AttributeReference.ordinals(op.output(), analyzed.output());
    if (ordinals == null) return batches;
    List<ColumnBatch> out = new ArrayList<>(batches.size());
    for (ColumnBatch b : batches) out.add(b.project(ordinals));
    return out;
  }

  /**
   * The plans as text: {@code simple} (or {@code formatted}, {@code codegen}) shows the physical
   * plan; {@code extended} (or {@code cost}) shows every stage, as Spark's {@code explain(mode)}.
   */
  public String explainString(String mode) {
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "simple", "formatted", "codegen" ->
          "== Physical Plan ==\n" + executedPlan().treeString() + "\n";
      case "extended", "cost" -> extendedString();
      default ->
          throw new SluiceIllegalArgumentException(
              ErrorClass.INVALID_EXPLAIN_MODE, SluiceException.params("mode", mode));
    };
  }

  private String extendedString() {
    StringBuilder sb = new StringBuilder("== Parsed Logical Plan ==\n");
    sb.append(logical.treeString());
    sb.append("\n== Analyzed Logical Plan ==\n");
    List<AttributeReference> out = analyzed.output();
    if (!out.isEmpty()) sb.append(schemaLine(out)).append('\n');
    sb.append(analyzed.treeString());
    sb.append("\n== Optimized Logical Plan ==\n");
    sb.append(optimizedPlan().treeString());
    sb.append("\n== Physical Plan ==\n");
    sb.append(executedPlan().treeString());
    return sb.toString();
  }

  /** {@code a: int, b: string}, cut after {@code sluice.sql.debug.maxToStringFields} fields. */
  private String schemaLine(List<AttributeReference> out) {
    int max = session.sqlConf().get(SQLConf.MAX_TO_STRING_FIELDS);
    List<String> parts = new ArrayList<>();
    for (AttributeReference a : out) parts.add(a.name() + ": " + a.dataType().simpleString());
    if (parts.size() <= max) return String.join(", ", parts);
    int shown = Math.max(0, max - 1);
    return String.join(", ", parts.subList(0, shown))
        + ", ... "
        + (parts.size() - shown)
        + " more fields";
  }

  /** The extended explain text. */
  @Override
  public String toString() {
    return extendedString();
  }
}
