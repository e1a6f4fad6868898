/**
 * Task execution: the session's worker pool ({@link io.sluice.exec.task.TaskScheduler}, N threads
 * for {@code local[N]}), which runs one task per partition and collects whole plans, and the {@link
 * io.sluice.exec.task.TaskContext} shared by the tasks of one plan execution.
 */
package io.sluice.exec.task;
