package io.sluice.exec.task;

import io.sluice.config.SQLConf;

/**
 * What a running task may use: the session's configuration and the scheduler (an exchange runs
 * its child's partitions through it). One context is shared by all tasks of a query execution.
 */
public record TaskContext(SQLConf conf, TaskScheduler scheduler) {
  public int batchSize() {
    return conf.batchSize();
  }
}
