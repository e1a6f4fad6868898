package io.sluice.exec.operator;

import io.sluice.exec.expr.CollectionVectors;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Generator;
import io.sluice.plan.logical.Generate;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Generate}: each input row becomes one output row per element (or map entry) of the
 * generator's input, or one row of nulls for a null or empty input when outer. Per batch it
 * computes every row's element count, builds the selection that repeats each input row that many
 * times and gathers the passed-on columns with it once; the generated columns are the element
 * vector itself when the elements are already in output order, else one gather of it. Output
 * batches hold about {@code batchSize} rows: an input batch whose rows generate more is cut into
 * several.
 */
public final class GenerateOperator extends UnaryOperator {
  private final Generator generator;
  private final boolean outer;
  private final int[] passedOn;
  private final List<AttributeReference> output;
  private final BoundExpressions input;

  public GenerateOperator(Generate g, PhysicalOperator child) {
    super(child);
    this.generator = g.resolvedGenerator();
    this.outer = g.outer();
    List<AttributeReference> in = child.output();
    List<AttributeReference> required = g.requiredChildOutput();
    this.passedOn = new int[required.size()];
    for (int i = 0; i < passedOn.length; i++) passedOn[i] = indexOf(in, required.get(i));
    List<AttributeReference> out = new ArrayList<>(required);
    out.addAll(g.generatorOutput());
    this.output = List.copyOf(out);
    this.input = new BoundExpressions(List.of(generator.child()), in);
  }

  private static int indexOf(List<AttributeReference> in, AttributeReference a) {
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).exprId() == a.exprId()) return i;
    }
    throw new IllegalStateException("Generate input has no column " + a);
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    VectorEvaluator eval = input.compile(context)[0];
    BatchIterator in = child.execute(partition, context);
    int target = Math.max(1, context.batchSize());
    return new BatchIterator() {
      private ColumnBatch batch;
      private ColumnVector source;
      private int[] counts;
      private int nextRow;

      @Override
      public ColumnBatch next() {
        while (true) {
          if (batch != null && nextRow < batch.numRows()) return nextChunk();
          batch = in.next();
          if (batch == null) return null;
          source = eval.evaluate(batch);
          counts = counts(source, batch.numRows());
          nextRow = 0;
        }
      }

      private ColumnBatch nextChunk() {
        int from = nextRow;
        int total = 0;
        int to = from;
        while (to < batch.numRows() && (total == 0 || total + counts[to] <= target)) {
          total += counts[to++];
        }
        nextRow = to;
        return total == 0 ? next() : generate(batch, source, counts, from, to, total);
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  /** Output rows per input row: the element count, at least one when outer. */
  private int[] counts(ColumnVector source, int n) {
    int[] counts = new int[Math.max(n, 1)];
    for (int i = 0; i < n; i++) {
      int len =
          source.isNullAt(i)
              ? 0
              : source instanceof ArrayVector a ? a.length(i) : ((MapVector) source).length(i);
      counts[i] = outer ? Math.max(len, 1) : len;
    }
    return counts;
  }

  /** The output of input rows {@code [from, to)}, {@code total} rows. */
  private ColumnBatch generate(
      ColumnBatch batch, ColumnVector source, int[] counts, int from, int to, int total) {
    int[] parents = new int[total];
    int[] positions = new int[total];
    int[] index = generator.kind() == Generator.Kind.POSEXPLODE ? new int[total] : null;
    boolean[] nullIndex = null;
    int k = 0;
    for (int i = from; i < to; i++) {
      boolean isNull = source.isNullAt(i);
      int start = isNull ? 0 : start(source, i);
      int len = isNull ? 0 : length(source, i);
      for (int e = 0; e < counts[i]; e++, k++) {
        parents[k] = i;
        if (e < len) {
          positions[k] = start + e;
          if (index != null) index[k] = e;
        } else {
          positions[k] = -1;
          if (nullIndex == null) nullIndex = new boolean[total];
          nullIndex[k] = true;
        }
      }
    }
    ColumnVector[] cols = new ColumnVector[output.size()];
    boolean identity = total == batch.numRows() && from == 0 && isIdentity(parents, total);
    for (int c = 0; c < passedOn.length; c++) {
      ColumnVector v = batch.column(passedOn[c]);
      cols[c] = identity ? v : v.gather(parents, total);
    }
    int c = passedOn.length;
    if (generator.kind() == Generator.Kind.POSEXPLODE) {
      cols[c++] = new IntVector(DataTypes.IntegerType, index, nullIndex, total);
    }
    if (source instanceof MapVector m) {
      cols[c++] = elements(m.keys(), positions, total);
      cols[c] = elements(m.values(), positions, total);
    } else if (generator.kind() == Generator.Kind.INLINE) {
      fields(((ArrayVector) source).elements(), positions, total, cols, c);
    } else {
      cols[c] = elements(((ArrayVector) source).elements(), positions, total);
    }
    return new ColumnBatch(cols, total);
  }

  private static int start(ColumnVector v, int row) {
    return v instanceof ArrayVector a ? a.start(row) : ((MapVector) v).start(row);
  }

  private static int length(ColumnVector v, int row) {
    return v instanceof ArrayVector a ? a.length(row) : ((MapVector) v).length(row);
  }

  private static boolean isIdentity(int[] sel, int n) {
    for (int i = 0; i < n; i++) {
      if (sel[i] != i) return false;
    }
    return true;
  }

  /** The elements at {@code positions}: the vector itself when it is exactly them. */
  private static ColumnVector elements(ColumnVector v, int[] positions, int total) {
    if (v.size() == total && isIdentity(positions, total)) return v;
    return CollectionVectors.gatherOrNull(v, positions, total);
  }

  /** {@code inline}: one column per struct field; a null struct gives nulls in every field. */
  private static void fields(
      ColumnVector elements, int[] positions, int total, ColumnVector[] cols, int first) {
    StructVector s = (StructVector) elements;
    int[] adjusted = positions;
    if (s.mayHaveNulls()) {
      adjusted = positions.clone();
      for (int k = 0; k < total; k++) {
        if (adjusted[k] >= 0 && s.isNullAt(adjusted[k])) adjusted[k] = -1;
      }
    }
    for (int f = 0; f < s.children().length; f++) {
      cols[first + f] = elements(s.child(f), adjusted, total);
    }
  }

  @Override
  public String nodeName() {
    return "Generate";
  }

  @Override
  public String argString() {
    return generator
        + ", "
        + PlanText.list(output.subList(0, passedOn.length))
        + ", "
        + outer
        + ", "
        + PlanText.list(output.subList(passedOn.length, output.size()));
  }
}
