package io.sluice.exec.operator;

import io.sluice.connector.BatchScan;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.InputFileBlock;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link BatchScan}, one task per input partition, the relation's columns only. */
public final class BatchScanOperator implements PhysicalOperator {
  private final BatchScan scan;
  private final List<AttributeReference> output;
  private final StructType readSchema;

  public BatchScanOperator(BatchScan scan, List<AttributeReference> output) {
    this.scan = scan;
    this.output = List.copyOf(output);
    List<StructField> fields = new ArrayList<>();
    for (AttributeReference a : output) {
      fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
    }
    this.readSchema = new StructType(fields);
  }

  public BatchScan scan() {
    return scan;
  }

  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public List<PhysicalOperator> children() {
    return List.of();
  }

  @Override
  public int numPartitions() {
    return scan.numPartitions();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    return trackingFileBlocks(scan.read(partition, readSchema, context.batchSize()));
  }

  /**
   * The batches of a scan's reader, publishing each one's file block for {@code input_file_name()}
   * (see {@link InputFileBlock}); for every operator that reads a {@link BatchScan}.
   */
  public static BatchIterator trackingFileBlocks(BatchIterator reader) {
    return new FileBlockTracking(reader);
  }

  /**
   * Publishes the file block of each batch the scan hands out ({@link InputFileBlock#setCurrent})
   * for {@code input_file_name()} and its kind, and withdraws it at the end of the scan, as Spark's
   * file scan does. Inputs that are not files leave the task's block alone.
   */
  private static final class FileBlockTracking implements BatchIterator {
    private final BatchIterator input;
    private boolean published;

    FileBlockTracking(BatchIterator input) {
      this.input = input;
    }

    @Override
    public ColumnBatch next() {
      ColumnBatch b = input.next();
      InputFileBlock block = b == null ? null : input.inputFileBlock();
      if (block != null) {
        InputFileBlock.setCurrent(block);
        published = true;
      } else if (published) {
        InputFileBlock.setCurrent(InputFileBlock.NONE);
        published = false;
      }
      return b;
    }

    @Override
    public InputFileBlock inputFileBlock() {
      return input.inputFileBlock();
    }

    @Override
    public void close() {
      input.close();
    }
  }

  @Override
  public String nodeName() {
    return "BatchScan";
  }

  @Override
  public String argString() {
    return scan.description() + " " + PlanText.list(output);
  }

  @Override
  public String toString() {
    return treeString();
  }
}
