package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.config.SQLConf;
import io.sluice.config.StreamingConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.DeduplicateWithinWatermark;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.Union;
import io.sluice.streaming.OutputMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects streaming queries Spark rejects, before they start, with Spark's reasons: which
 * operations a stream supports, and in which output mode (Spark 4's {@code
 * UnsupportedOperationChecker.checkForStreaming} for micro-batch queries).
 *
 * <p>In order: the output mode against the query's streaming aggregations (complete mode needs one;
 * append mode needs the top one to group by an event-time column or window; update mode refuses
 * session windows), then every operator from the leaves up (joins, set operations, sort, limit,
 * distinct aggregates, window functions, {@code dropDuplicatesWithinWatermark}, unsupported
 * expressions), then the global-watermark check of chained stateful operators, which only logs a
 * warning when {@code sluice.sql.streaming.statefulOperator.checkCorrectness.enabled} is false.
 */
public final class UnsupportedOperationChecker {
  private static final Logger LOG = LoggerFactory.getLogger(UnsupportedOperationChecker.class);

  /** Functions whose results depend on the partitioning of each micro-batch. */
  private static final Set<String> UNSUPPORTED_FUNCTIONS = Set.of("monotonically_increasing_id");

  private final LogicalPlan plan;
  private final OutputMode mode;
  private final StreamingColumns columns = new StreamingColumns();

  private UnsupportedOperationChecker(LogicalPlan plan, OutputMode mode) {
    this.plan = plan;
    this.mode = mode;
  }

  /**
   * Throws {@link AnalysisException} when {@code plan}, an analyzed plan, cannot run as a stream in
   * {@code mode}, with the default settings.
   */
  public static void checkForStreaming(LogicalPlan plan, OutputMode mode) {
    checkForStreaming(plan, mode, null);
  }

  /**
   * Throws {@link AnalysisException} when {@code plan}, an analyzed plan, cannot run as a stream in
   * {@code mode}; {@code conf} (null for the defaults) may turn the checks off ({@code
   * sluice.sql.streaming.unsupportedOperationCheck}) or turn the chained-operator error into a
   * warning.
   */
  public static void checkForStreaming(LogicalPlan plan, OutputMode mode, SQLConf conf) {
    if (conf != null && !conf.get(StreamingConf.UNSUPPORTED_OPERATION_CHECK)) return;
    if (!plan.isStreaming()) {
      throw new AnalysisException(ErrorClass.STREAMING_NO_STREAMING_SOURCE, java.util.Map.of());
    }
    UnsupportedOperationChecker checker = new UnsupportedOperationChecker(plan, mode);
    checker.checkOutputMode();
    checker.checkOperators(plan);
    boolean failOnCorrectness =
        conf == null || conf.get(StreamingConf.STATEFUL_OPERATOR_CHECK_CORRECTNESS);
    try {
      checker.checkGlobalWatermarkLimit();
    } catch (AnalysisException e) {
      if (failOnCorrectness) throw e;
      LOG.warn("{}\n{}", e.getMessage(), plan.treeString());
    }
  }

  // --- output mode ---

  /** A streaming aggregation: its grouping expressions and the node whose input it groups. */
  private record StreamingAggregate(List<Expression> grouping, LogicalPlan child) {}

  /** The streaming aggregations, top-down; {@code DISTINCT} counts as one, as in Spark. */
  private static List<StreamingAggregate> streamingAggregates(LogicalPlan p) {
    List<StreamingAggregate> out = new ArrayList<>();
    collectAggregates(p, out);
    return out;
  }

  private static void collectAggregates(LogicalPlan p, List<StreamingAggregate> out) {
    if (p instanceof Aggregate a && a.isStreaming()) {
      out.add(new StreamingAggregate(a.groupingExpressions(), a.child()));
    } else if (p instanceof Distinct d && d.isStreaming()) {
      out.add(new StreamingAggregate(new ArrayList<>(d.child().output()), d.child()));
    }
    for (LogicalPlan c : p.children()) collectAggregates(c, out);
  }

  private void checkOutputMode() {
    List<StreamingAggregate> aggregates = streamingAggregates(plan);
    switch (mode) {
      case APPEND -> {
        if (!aggregates.isEmpty() && !groupsByEventTime(aggregates.get(0))) {
          throw outputModeError("streaming aggregations without watermark");
        }
      }
      case UPDATE -> {
        if (!aggregates.isEmpty() && groupsBySessionWindow(aggregates.get(0))) {
          throw outputModeError("session window streaming aggregations");
        }
      }
      case COMPLETE -> {
        if (aggregates.isEmpty()) throw outputModeError("no streaming aggregations");
      }
    }
  }

  private boolean groupsByEventTime(StreamingAggregate a) {
    for (Expression g : a.grouping()) {
      if (columns.isEventTimeColumn(a.child(), g)) return true;
    }
    return false;
  }

  private boolean groupsBySessionWindow(StreamingAggregate a) {
    for (Expression g : a.grouping()) {
      if (g instanceof AttributeReference attr && columns.isSessionWindow(a.child(), attr)) {
        return true;
      }
    }
    return false;
  }

  private AnalysisException outputModeError(String operation) {
    return new AnalysisException(
        ErrorClass.STREAMING_OUTPUT_MODE_UNSUPPORTED_OPERATION,
        SluiceException.params(
            "outputMode", mode.toString().toLowerCase(Locale.ROOT), "operation", operation));
  }

  // --- operators, from the leaves up ---

  private void checkOperators(LogicalPlan p) {
    for (LogicalPlan c : p.children()) checkOperators(c);
    checkOperator(p);
    checkExpressions(p);
  }

  private void checkOperator(LogicalPlan p) {
    if (p instanceof Aggregate a) {
      checkDistinctAggregates(a);
    } else if (p instanceof Join j) {
      StreamingJoins.check(j, mode, columns);
    } else if (p instanceof Union u) {
      checkUnion(u);
    } else if (p instanceof Except e) {
      if (e.right().isStreaming()) throw error(ErrorClass.STREAMING_EXCEPT_STREAM_ON_RIGHT);
    } else if (p instanceof Intersect i) {
      if (i.isStreaming()) throw error(ErrorClass.STREAMING_INTERSECT);
    } else if (p instanceof Limit l) {
      if (l.child().isStreaming() && mode == OutputMode.UPDATE) {
        throw error(ErrorClass.STREAMING_LIMIT_IN_UPDATE_MODE);
      }
    } else if (p instanceof Sort s) {
      if (!containsCompleteData(s)) throw error(ErrorClass.STREAMING_SORT);
    } else if (p instanceof DeduplicateWithinWatermark d && d.isStreaming()) {
      if (!columns.hasEventTime(d.child())) {
        throw error(ErrorClass.STREAMING_DEDUPLICATE_WITHOUT_WATERMARK);
      }
    }
    StreamingWindowFunctions.check(p);
  }

  private static void checkUnion(Union u) {
    boolean anyStream = false;
    boolean anyBatch = false;
    for (LogicalPlan c : u.children()) {
      anyStream |= c.isStreaming();
      anyBatch |= !c.isStreaming();
    }
    if (anyStream && anyBatch) throw error(ErrorClass.STREAMING_UNION_WITH_BATCH);
  }

  private void checkDistinctAggregates(Aggregate a) {
    if (!a.child().isStreaming()) return;
    Set<String> distinct = new LinkedHashSet<>();
    for (Expression e : a.aggregateExpressions()) {
      for (AggregateCall call : e.collect(AggregateCall.class)) {
        if (call.distinct()) distinct.add(call.sql());
      }
    }
    if (!distinct.isEmpty()) {
      throw new AnalysisException(
          ErrorClass.STREAMING_DISTINCT_AGGREGATION,
          SluiceException.params("aggregates", String.join(", ", distinct)));
    }
  }

  /**
   * Whether {@code p} yields its whole result in every micro-batch: it reads no stream, or it
   * aggregates one in complete mode.
   */
  private boolean containsCompleteData(LogicalPlan p) {
    if (!p.isStreaming()) return true;
    return mode == OutputMode.COMPLETE && containsStreamingAggregate(p);
  }

  private static boolean containsStreamingAggregate(LogicalPlan p) {
    if (p instanceof Aggregate a && a.isStreaming()) return true;
    for (LogicalPlan c : p.children()) {
      if (containsStreamingAggregate(c)) return true;
    }
    return false;
  }

  private static void checkExpressions(LogicalPlan p) {
    if (!p.isStreaming()) return;
    Set<String> unsupported = new LinkedHashSet<>();
    for (Expression e : p.expressions()) {
      for (ScalarFunction f : e.collect(ScalarFunction.class)) {
        if (UNSUPPORTED_FUNCTIONS.contains(f.name())) unsupported.add(f.sql());
      }
    }
    if (!unsupported.isEmpty()) {
      throw new AnalysisException(
          ErrorClass.STREAMING_EXPRESSION,
          SluiceException.params("expressions", String.join(", ", unsupported)));
    }
  }

  // --- chained stateful operators ---

  /**
   * Spark's global-watermark check: a stateful operator must not consume the output of one that can
   * emit rows older than the watermark, which the later one would drop as late. Those are streaming
   * aggregations in update or complete mode.
   */
  private void checkGlobalWatermarkLimit() {
    checkGlobalWatermarkLimit(plan);
  }

  private void checkGlobalWatermarkLimit(LogicalPlan p) {
    if (isStateful(p)) {
      for (LogicalPlan c : p.children()) {
        LogicalPlan upstream = findLateRowEmitter(c);
        if (upstream != null) {
          throw new AnalysisException(
              ErrorClass.STREAMING_GLOBAL_WATERMARK_CORRECTNESS,
              SluiceException.params(
                  "config",
                  StreamingConf.STATEFUL_OPERATOR_CHECK_CORRECTNESS.sparkKey(),
                  "operator",
                  p.nodeName(),
                  "upstream",
                  upstream.nodeName(),
                  "outputMode",
                  mode.toString()));
        }
      }
    }
    for (LogicalPlan c : p.children()) checkGlobalWatermarkLimit(c);
  }

  private boolean isStateful(LogicalPlan p) {
    if (!p.isStreaming()) return false;
    if (p instanceof Aggregate || p instanceof Distinct) return true;
    if (p instanceof Join j) return j.left().isStreaming() && j.right().isStreaming();
    if (p instanceof Deduplicate d) {
      for (AttributeReference k : d.keys()) {
        if (columns.isEventTime(d.child(), k)) return true;
      }
      return false;
    }
    return p instanceof DeduplicateWithinWatermark;
  }

  private LogicalPlan findLateRowEmitter(LogicalPlan p) {
    boolean aggregate = p instanceof Aggregate || p instanceof Distinct;
    if (aggregate && p.isStreaming() && mode != OutputMode.APPEND) return p;
    for (LogicalPlan c : p.children()) {
      LogicalPlan found = findLateRowEmitter(c);
      if (found != null) return found;
    }
    return null;
  }

  private static AnalysisException error(ErrorClass c) {
    return new AnalysisException(c, java.util.Map.of());
  }
}
