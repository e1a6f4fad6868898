package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Generator;
import io.sluice.plan.logical.Generate;
import java.util.List;

/**
 * Runs a {@link Generate} of {@link Generator.Kind#REPLICATE_ROWS}: each input row is repeated as
 * many times as its count says (none for a null or non-positive count), which is how {@code EXCEPT
 * ALL} and {@code INTERSECT ALL} give every row its multiplicity. Per input batch it builds one
 * selection of the repeated rows and gathers the passed-on columns with it; a batch that would
 * repeat into more than {@code batchSize} rows is emitted in several pieces (a row's repetitions
 * may span pieces), so a large count never builds one huge batch.
 */
public final class ReplicateRowsOperator extends UnaryOperator {
  private final int[] passedOn;
  private final List<AttributeReference> output;
  private final BoundExpressions count;

  public ReplicateRowsOperator(Generate g, PhysicalOperator child) {
    super(child);
    List<AttributeReference> in = child.output();
    this.output = List.copyOf(g.requiredChildOutput());
    this.passedOn = new int[output.size()];
    for (int i = 0; i < passedOn.length; i++) passedOn[i] = indexOf(in, output.get(i));
    this.count = new BoundExpressions(List.of(g.resolvedGenerator().child()), in);
  }

  private static int indexOf(List<AttributeReference> in, AttributeReference a) {
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).exprId() == a.exprId()) return i;
    }
    throw new IllegalStateException("ReplicateRows input has no column " + a);
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    VectorEvaluator eval = count.compileTransient(context)[0];
    BatchIterator in = child.execute(partition, context);
    int target = Math.max(1, context.batchSize());
    return new BatchIterator() {
      private ColumnBatch batch;
      private LongVector counts;
      private int row;
      private long done; // repetitions of {@code row} already emitted

      @Override
      public ColumnBatch next() {
        while (true) {
          if (batch != null) {
            ColumnBatch piece = nextPiece();
            if (piece != null) return piece;
          }
          batch = in.next();
          if (batch == null) return null;
          counts = (LongVector) eval.evaluate(batch); // valid until the next evaluate
          row = 0;
          done = 0;
        }
      }

      /** Up to {@code target} rows from where the last piece stopped; null when none are left. */
      private ColumnBatch nextPiece() {
        int n = batch.numRows();
        int[] parents = new int[target];
        int k = 0;
        while (row < n && k < target) {
          long times = counts.isNullAt(row) ? 0 : counts.get(row);
          long take = Math.min(times - done, target - k);
          for (long t = 0; t < take; t++) parents[k++] = row;
          done += Math.max(take, 0);
          if (done >= times) {
            row++;
            done = 0;
          }
        }
        if (k == 0) return null;
        ColumnVector[] cols = new ColumnVector[passedOn.length];
        for (int c = 0; c < cols.length; c++) {
          cols[c] = batch.column(passedOn[c]).gather(parents, k);
        }
        return new ColumnBatch(cols, k);
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  @Override
  public String nodeName() {
    return "Generate";
  }

  @Override
  public String argString() {
    return "replicaterows(" + count.expressions().get(0) + "), " + PlanText.list(output);
  }
}
