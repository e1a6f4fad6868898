package io.sluice.exec.vector;

import java.util.Objects;

/**
 * The block of a file a scan's batch came from: the file's URI ({@code file:///data/a.json}), and
 * the byte range of the file the task reads ({@code start}, {@code length}). {@link #NONE} ({@code
 * ""}, -1, -1) stands for input that is not a file, as in Spark.
 *
 * <p>The block of the batch being processed is kept per thread, as Spark keeps it per task: a file
 * scan sets it before it hands out each batch ({@link #setCurrent}), so the expressions that read
 * it ({@code input_file_name()}, {@code input_file_block_start()}, {@code
 * input_file_block_length()}) see the file of the rows they evaluate, and the task scheduler resets
 * it around every task ({@link #enterTask}/{@link #exitTask}), so a task whose input is not a scan
 * of files (after an exchange, say) sees {@link #NONE}. A file scan never puts rows of two blocks
 * into one batch.
 */
public record InputFileBlock(String path, long start, long length) {
  /** No file: the empty path, start and length -1. */
  public static final InputFileBlock NONE = new InputFileBlock("", -1, -1);

  private static final ThreadLocal<InputFileBlock> CURRENT = ThreadLocal.withInitial(() -> NONE);

  public InputFileBlock {
    Objects.requireNonNull(path, "path");
  }

  /** The block of the batch this thread's task is processing; {@link #NONE} if none. */
  public static InputFileBlock current() {
    return CURRENT.get();
  }

  /** Records the block of the batch about to be processed by this thread's task. */
  public static void setCurrent(InputFileBlock block) {
    CURRENT.set(block == null ? NONE : block);
  }

  /** Starts a task on this thread: its block is {@link #NONE}; returns the previous one. */
  public static InputFileBlock enterTask() {
    InputFileBlock previous = CURRENT.get();
    CURRENT.set(NONE);
    return previous;
  }

  /** Ends a task started by {@link #enterTask}, restoring the block it returned. */
  public static void exitTask(InputFileBlock previous) {
    CURRENT.set(previous);
  }
}
