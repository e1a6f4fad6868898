package io.sluice.streaming.runtime;

import io.sluice.config.SQLConf;
import io.sluice.connector.StreamSink;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.Trigger;
import java.nio.file.Path;

/**
 * Everything a streaming query needs to start, as {@code writeStream()...start()} assembled it: the
 * analyzed plan, its sink, output mode and trigger, the checkpoint directory (deleted on stop when
 * it is a temporary one), the session's settings at start and its worker pool.
 */
public record QuerySpec(
    String name,
    LogicalPlan analyzed,
    StreamSink sink,
    OutputMode outputMode,
    Trigger trigger,
    Path checkpoint,
    boolean deleteCheckpointOnStop,
    SQLConf conf,
    TaskScheduler scheduler,
    Clock clock) {}
