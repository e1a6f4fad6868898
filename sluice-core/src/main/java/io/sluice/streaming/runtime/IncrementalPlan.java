package io.sluice.streaming.runtime;

import io.sluice.config.SQLConf;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.planner.PhysicalPlanner;
import io.sluice.exec.planner.StreamingPlanContext;
import io.sluice.optimizer.Optimizer;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.StreamingRelation;
import io.sluice.plan.logical.StreamingScan;
import io.sluice.streaming.operator.EventTimeWatermarkOperator;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming query's plan, built once per start and run once per micro-batch: every {@link
 * StreamingRelation} of the analyzed plan becomes a {@link StreamingScan} of the source at the same
 * index, then the plan is optimized and turned into operators.
 */
final class IncrementalPlan {
  private final List<StreamingRelation> sources;
  private final LogicalPlan optimized;
  private final PhysicalOperator physical;
  private final int[] outputOrdinals;
  private final StructType schema;
  private final List<EventTimeWatermarkOperator> watermarkOperators;
  private final StreamingPlanContext streaming;

  IncrementalPlan(LogicalPlan analyzed, SQLConf conf, io.sluice.streaming.OutputMode mode) {
    Map<StreamingRelation, Integer> index = new LinkedHashMap<>();
    LogicalPlan incremental =
        analyzed.transformUp(
            p -> {
              if (!(p instanceof StreamingRelation r)) return p;
              int i = index.computeIfAbsent(r, k -> index.size());
              return new StreamingScan(i, r.source().description(), r.output());
            });
    this.sources = List.copyOf(index.keySet());
    this.optimized = new Optimizer(conf).optimize(incremental);
    this.streaming = new StreamingPlanContext(mode);
    this.physical = new PhysicalPlanner(conf, streaming).plan(optimized);
    this.outputOrdinals = AttributeReference.ordinals(physical.output(), analyzed.output());
    List<StructField> fields = new ArrayList<>();
    for (AttributeReference a : analyzed.output()) {
      fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
    }
    this.schema = new StructType(fields);
    List<EventTimeWatermarkOperator> wms = new ArrayList<>();
    collectWatermarks(physical, wms);
    this.watermarkOperators = List.copyOf(wms);
  }

  /** The streaming relations, in source-index order. */
  List<StreamingRelation> sources() {
    return sources;
  }

  LogicalPlan optimized() {
    return optimized;
  }

  PhysicalOperator physical() {
    return physical;
  }

  /** Where each result column sits in the physical output; null when in order. */
  int[] outputOrdinals() {
    return outputOrdinals;
  }

  StructType schema() {
    return schema;
  }

  /** Descriptions of the stateful operators, by operator id. */
  List<String> statefulOperators() {
    return streaming.operators();
  }

  List<EventTimeWatermarkOperator> watermarkOperators() {
    return watermarkOperators;
  }

  private static void collectWatermarks(PhysicalOperator op, List<EventTimeWatermarkOperator> out) {
    if (op instanceof EventTimeWatermarkOperator w) out.add(w);
    for (PhysicalOperator c : op.children()) collectWatermarks(c, out);
  }
}
