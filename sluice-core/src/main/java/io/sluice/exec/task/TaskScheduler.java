package io.sluice.exec.task;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.InputFileBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;

/**
 * The worker pool of a session ({@code local[N]}: N threads) and the way to run a set of partition
 * tasks on it and wait for all of them. Nested use (a task that runs more tasks, as an exchange
 * does) is safe: the pool is a {@link ForkJoinPool}, whose waiting threads help.
 */
public final class TaskScheduler implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool;

  public TaskScheduler(int threads) {
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ForkJoinPool(
            threads,
            p -> {
              var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
              t.setName("sluice-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            null,
            false);
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code task(0) .. task(count - 1)} in parallel and returns their results in order. The
   * first failure is rethrown (SluiceExceptions as they are) once all tasks have ended.
   */
  public <R> List<R> runAll(int count, IntFunction<R> task) {
    if (count == 1) {
      List<R> one = new ArrayList<>(1);
      one.add(runTask(task, 0));
      return one;
    }
    List<Future<R>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      final int p = i;
      futures.add(pool.submit(() -> runTask(task, p)));
    }
    List<R> out = new ArrayList<>(count);
    RuntimeException failure = null;
    for (Future<R> f : futures) {
      try {
        out.add(f.get());
      } catch (ExecutionException e) {
        if (failure == null) failure = unwrap(e.getCause());
        out.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SluiceRuntimeException(
            ErrorClass.INTERNAL_ERROR,
            SluiceException.params("message", "Interrupted while waiting for tasks"),
            e);
      }
    }
    if (failure != null) throw failure;
    return out;
  }

  /**
   * Runs {@code task(0) .. task(count - 1)} like {@link #runAll}, but the calling thread works
   * instead of waiting: it runs task 0 itself, then every task no worker has started yet, and waits
   * only for the tasks workers did start. A small stage (a micro-batch of a few rows) then finishes
   * on the caller without waiting for a worker to wake up, while a large one keeps its parallelism.
   * With more tasks than worker threads the caller waits as {@link #runAll} does, so no more than
   * {@link #threads()} tasks of one call run at once.
   */
  public <R> List<R> runAllOnCaller(int count, IntFunction<R> task) {
    if (count <= 1 || count > threads) return runAll(count, task);
    AtomicIntegerArray claimed = new AtomicIntegerArray(count);
    List<Future<R>> futures = new ArrayList<>(count);
    futures.add(null);
    for (int i = 1; i < count; i++) {
      final int p = i;
      futures.add(pool.submit(() -> claimed.compareAndSet(p, 0, 1) ? runTask(task, p) : null));
    }
    Object[] results = new Object[count];
    RuntimeException[] failures = new RuntimeException[count];
    boolean[] ranHere = new boolean[count];
    for (int i = 0; i < count; i++) {
      if (i > 0 && !claimed.compareAndSet(i, 0, 1)) continue;
      ranHere[i] = true;
      try {
        results[i] = runTask(task, i);
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    }
    RuntimeException failure = null;
    List<R> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (!ranHere[i]) {
        try {
          results[i] = futures.get(i).get();
        } catch (ExecutionException e) {
          failures[i] = unwrap(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SluiceRuntimeException(
              ErrorClass.INTERNAL_ERROR,
              SluiceException.params("message", "Interrupted while waiting for tasks"),
              e);
        }
      }
      if (failure == null) failure = failures[i];
      @SuppressWarnings("unchecked")
      R r = (R) results[i];
      out.add(r);
    }
    if (failure != null) throw failure;
    return out;
  }

  /**
   * Runs one task on this thread. The file block expressions read ({@code input_file_name()}) is
   * the task's own: none until a file scan of the task sets it, and the caller's again afterwards
   * (a task may run inside another, as an exchange does, on the same thread).
   */
  private static <R> R runTask(IntFunction<R> task, int partition) {
    InputFileBlock outer = InputFileBlock.enterTask();
    try {
      return task.apply(partition);
    } finally {
      InputFileBlock.exitTask(outer);
    }
  }

  /**
   * Executes a whole physical plan: materializes its exchanges stage by stage, runs the root's
   * partitions in parallel and returns every batch, in partition order. Errors raised inside tasks
   * reach the caller unchanged.
   */
  public List<ColumnBatch> collect(PhysicalOperator plan, TaskContext context) {
    plan.prepare(context);
    int n = plan.numPartitions(context);
    List<List<ColumnBatch>> parts = runAll(n, p -> drain(plan.execute(p, context)));
    List<ColumnBatch> out = new ArrayList<>();
    for (List<ColumnBatch> part : parts) {
      for (ColumnBatch b : part) {
        if (b.numRows() > 0) out.add(b);
      }
    }
    return out;
  }

  /** Reads an iterator to its end and closes it. */
  public static List<ColumnBatch> drain(BatchIterator it) {
    try (it) {
      List<ColumnBatch> out = new ArrayList<>();
      for (ColumnBatch b = it.next(); b != null; b = it.next()) out.add(b);
      return out;
    }
  }

  private static RuntimeException unwrap(Throwable t) {
    if (t instanceof RuntimeException r) return r;
    if (t instanceof Error err) throw err;
    return new SluiceRuntimeException(
        ErrorClass.INTERNAL_ERROR, SluiceException.params("message", String.valueOf(t)), t);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
