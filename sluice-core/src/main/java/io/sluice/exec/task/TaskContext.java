package io.sluice.exec.task;

import io.sluice.config.SQLConf;
import io.sluice.exec.expr.EvalContext;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a running task may use: the session's configuration and the scheduler (an exchange runs its
 * child's partitions through it). One context is shared by all tasks of one execution of a physical
 * plan; it also holds that execution's shared results (materialized exchanges, broadcast sides), so
 * a plan executed again needs a new context.
 */
public final class TaskContext {
  private final SQLConf conf;
  private final TaskScheduler scheduler;
  private final EvalContext evalContext;
  private final MicroBatchInput microBatch;
  private final ConcurrentHashMap<IdentityKey, SharedResult<?>> shared = new ConcurrentHashMap<>();

  public TaskContext(SQLConf conf, TaskScheduler scheduler) {
    this(conf, scheduler, EvalContext.of(conf.sessionTimeZone(), conf.ansiEnabled()), null);
  }

  /**
   * The context of one micro-batch of a streaming query: {@code evalContext} carries the batch's
   * timestamp, {@code microBatch} its input.
   */
  public TaskContext(
      SQLConf conf, TaskScheduler scheduler, EvalContext evalContext, MicroBatchInput microBatch) {
    this.conf = Objects.requireNonNull(conf, "conf");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.evalContext = Objects.requireNonNull(evalContext, "evalContext");
    this.microBatch = microBatch;
  }

  /** The input of the micro-batch being run, or null outside streaming queries. */
  public MicroBatchInput microBatch() {
    return microBatch;
  }

  public SQLConf conf() {
    return conf;
  }

  public TaskScheduler scheduler() {
    return scheduler;
  }

  public int batchSize() {
    return conf.batchSize();
  }

  /** The settings expressions are compiled with (time zone, ANSI mode). */
  public EvalContext evalContext() {
    return evalContext;
  }

  /**
   * The result computed once per execution for {@code owner} (compared by identity): the first
   * caller computes it, concurrent callers wait for it, later callers get it at once. A failure is
   * rethrown to every caller unchanged.
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(Object owner, Supplier<T> compute) {
    SharedResult<?> r = shared.computeIfAbsent(new IdentityKey(owner), k -> new SharedResult<>());
    return ((SharedResult<T>) r).get(compute);
  }

  /** True when {@link #shared} already holds a finished result for {@code owner}. */
  public boolean hasShared(Object owner) {
    SharedResult<?> r = shared.get(new IdentityKey(owner));
    return r != null && r.isDone();
  }

  private record IdentityKey(Object owner) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.owner == owner;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(owner);
    }
  }
}
