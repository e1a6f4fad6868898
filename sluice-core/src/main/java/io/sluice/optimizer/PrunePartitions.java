package io.sluice.optimizer;

import io.sluice.connector.BatchScan;
import io.sluice.connector.SupportsPartitionPruning;
import io.sluice.exec.expr.BindReferences;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.ExpressionCompiler;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Spark's partition pruning of file sources: for a filter right above a scan of partitioned input
 * ({@link SupportsPartitionPruning}), the conjuncts that read partition columns only are evaluated
 * once per partition (a vector of one row per partition), and the scan keeps the partitions where
 * they are true, so files of the others are never opened. Runs once, after filters were pushed
 * down; the filter stays. A predicate that cannot be evaluated prunes nothing.
 *
 * <p>Like {@link ConstantFolding}, it evaluates expressions with the engine's compiler.
 */
public final class PrunePartitions implements Rule {
  private final EvalContext ctx;

  /** A rule evaluating partition predicates in {@code ctx} (time zone, ANSI mode). */
  public PrunePartitions(EvalContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return FilteredScans.rewrite(plan, SupportsPartitionPruning.class, this::prune);
  }

  private BatchScan prune(
      Expression condition, List<AttributeReference> output, SupportsPartitionPruning scan) {
    StructType partitions = scan.partitionSchema();
    if (partitions.length() == 0) return scan;
    List<AttributeReference> columns = new ArrayList<>();
    List<Integer> ordinals = new ArrayList<>();
    for (AttributeReference a : output) {
      int i = partitions.indexOf(a.name(), false);
      if (i >= 0) {
        columns.add(a);
        ordinals.add(i);
      }
    }
    Expression predicate = null;
    for (Expression c : Conjuncts.split(condition)) {
      if (!c.deterministic() || c.references().isEmpty()) continue;
      if (!allIn(c.references(), columns)) continue;
      predicate = predicate == null ? c : new And(predicate, c);
    }
    if (predicate == null) return scan;
    List<Object[]> values = scan.partitionValues();
    int n = values.size();
    boolean[] keep = new boolean[n];
    try {
      ColumnVector[] vectors = new ColumnVector[columns.size()];
      for (int k = 0; k < vectors.length; k++) {
        vectors[k] = ColumnVector.allocate(columns.get(k).dataType(), n);
        int ordinal = ordinals.get(k);
        for (Object[] v : values) vectors[k].append(v[ordinal]);
      }
      Expression bound = BindReferences.bind(predicate, columns);
      ColumnVector result =
          ExpressionCompiler.compile(bound, ctx).evaluate(new ColumnBatch(vectors, n));
      for (int r = 0; r < n; r++) {
        keep[r] = !result.isNullAt(r) && Boolean.TRUE.equals(result.getObject(r));
      }
    } catch (RuntimeException e) {
      return scan; // e.g. an ANSI error for some partition's value: let the rows raise it
    }
    return scan.withPartitions(keep);
  }

  /** True when every reference is one of {@code columns} (by expression id). */
  private static boolean allIn(List<AttributeReference> refs, List<AttributeReference> columns) {
    for (AttributeReference r : refs) {
      boolean found = false;
      for (AttributeReference c : columns) found |= c.exprId() == r.exprId();
      if (!found) return false;
    }
    return true;
  }
}
