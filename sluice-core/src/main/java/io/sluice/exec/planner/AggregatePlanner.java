package io.sluice.exec.planner;

import io.sluice.exec.operator.HashAggregateOperator;
import io.sluice.exec.operator.HashAggregateOperator.Mode;
import io.sluice.exec.operator.Partitioning;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.ShuffleExchangeOperator;
import io.sluice.exec.operator.window.UpdatingSessionsOperator;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SessionWindow;
import io.sluice.plan.logical.Aggregate;
import io.sluice.streaming.operator.StreamingAggregateOperator;
import io.sluice.streaming.operator.StreamingSessionAggregateOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans an {@link Aggregate} as Spark does: a partial hash aggregation per input partition, an
 * exchange on the grouping keys (a single partition without keys), and a final aggregation that
 * merges the partial buffers and computes the output expressions. Aggregates with DISTINCT shuffle
 * the input rows instead and aggregate them in one step, deduplicating per function.
 */
final class AggregatePlanner {
  private final PhysicalPlanner planner;

  AggregatePlanner(PhysicalPlanner planner) {
    this.planner = planner;
  }

  PhysicalOperator plan(Aggregate a) {
    List<Expression> read = new ArrayList<>(a.groupingExpressions());
    read.addAll(a.aggregateExpressions());
    PhysicalOperator child = planner.planFor(a.child(), read);
    List<Expression> groupExprs = new ArrayList<>();
    List<AttributeReference> keyAttrs = new ArrayList<>();
    for (Expression g : a.groupingExpressions()) {
      Expression e = g instanceof Alias al ? al.child() : g;
      groupExprs.add(e);
      if (e instanceof AttributeReference r) {
        keyAttrs.add(r);
      } else if (g instanceof Alias al) {
        keyAttrs.add(al.toAttribute());
      } else {
        keyAttrs.add(AttributeReference.create("_groupingexpression", e.dataType(), e.nullable()));
      }
    }
    Map<AggregateCall, AttributeReference> calls = new LinkedHashMap<>();
    for (NamedExpression e : a.aggregateExpressions()) {
      for (AggregateCall c : e.collect(AggregateCall.class)) {
        calls.computeIfAbsent(
            c, k -> AttributeReference.create(k.sql(), k.dataType(), k.nullable()));
      }
    }
    List<NamedExpression> results = new ArrayList<>();
    for (NamedExpression e : a.aggregateExpressions()) {
      results.add((NamedExpression) rewriteResult(e, groupExprs, keyAttrs, calls));
    }
    List<AggregateCall> callList = new ArrayList<>(calls.keySet());
    List<AttributeReference> callAttrs = new ArrayList<>(calls.values());
    int session = sessionKey(groupExprs);
    boolean streamingQuery = planner.streaming() != null && a.child().isStreaming();
    if (session >= 0 && !streamingQuery) {
      List<Expression> others = new ArrayList<>(groupExprs);
      AttributeReference sessionAttr = (AttributeReference) others.remove(session);
      PhysicalOperator input =
          others.isEmpty()
              ? planner.singlePartition(child)
              : planner.hashExchange(others, child, false);
      PhysicalOperator merged = new UpdatingSessionsOperator(others, sessionAttr, input);
      return new HashAggregateOperator(
          Mode.COMPLETE, groupExprs, keyAttrs, callList, callAttrs, results, merged);
    }
    boolean distinct = callList.stream().anyMatch(AggregateCall::distinct);
    if (distinct) {
      PhysicalOperator input =
          keyAttrs.isEmpty()
              ? planner.singlePartition(child)
              : planner.hashExchange(groupExprs, child, true);
      return new HashAggregateOperator(
          Mode.COMPLETE, groupExprs, keyAttrs, callList, callAttrs, results, input);
    }
    PhysicalOperator partial =
        new HashAggregateOperator(
            Mode.PARTIAL, groupExprs, keyAttrs, callList, List.of(), List.of(), child);
    StreamingPlanContext streaming = planner.streaming();
    if (streaming != null && a.child().isStreaming() && session >= 0) {
      List<Expression> others = new ArrayList<>(keyAttrs);
      others.remove(session);
      PhysicalOperator exchange =
          others.isEmpty()
              ? new ShuffleExchangeOperator(new Partitioning.Single(), false, partial)
              : new ShuffleExchangeOperator(
                  new Partitioning.Hash(others, planner.conf().shufflePartitions()),
                  false,
                  partial);
      long id = streaming.register("sessionAggregate keys=" + keyAttrs.size());
      return new StreamingSessionAggregateOperator(
          id, keyAttrs, session, callList, callAttrs, results, streaming.outputMode(), exchange);
    }
    if (streaming != null && a.child().isStreaming()) {
      return planStreaming(
          a, streaming, groupExprs, keyAttrs, callList, callAttrs, results, partial);
    }
    PhysicalOperator exchange =
        keyAttrs.isEmpty()
            ? new ShuffleExchangeOperator(new Partitioning.Single(), false, partial)
            : planner.hashExchange(keyAttrs, partial, true);
    return new HashAggregateOperator(
        Mode.FINAL, new ArrayList<>(keyAttrs), keyAttrs, callList, callAttrs, results, exchange);
  }

  /**
   * The position of the session window column among the grouping keys, or -1. Grouped by a session
   * window, rows are distributed by the other keys, their sessions merged per group ({@link
   * UpdatingSessionsOperator}), then aggregated in one step, as Spark plans it.
   */
  private static int sessionKey(List<Expression> groupExprs) {
    for (int i = 0; i < groupExprs.size(); i++) {
      if (groupExprs.get(i) instanceof AttributeReference a
          && a.metadata().contains(SessionWindow.MARKER)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A streaming aggregation: partial aggregation, an exchange on the keys into the fixed number of
   * shuffle partitions (state is partitioned by it, so it is never coalesced), then the stateful
   * merge that keeps groups between micro-batches.
   */
  private PhysicalOperator planStreaming(
      Aggregate a,
      StreamingPlanContext streaming,
      List<Expression> groupExprs,
      List<AttributeReference> keyAttrs,
      List<AggregateCall> callList,
      List<AttributeReference> callAttrs,
      List<NamedExpression> results,
      PhysicalOperator partial) {
    PhysicalOperator exchange =
        keyAttrs.isEmpty()
            ? new ShuffleExchangeOperator(new Partitioning.Single(), false, partial)
            : new ShuffleExchangeOperator(
                new Partitioning.Hash(
                    new ArrayList<>(keyAttrs), planner.conf().shufflePartitions()),
                false,
                partial);
    java.util.Map<Long, EventTimeKeys.Kind> eventTime = EventTimeKeys.of(a.child());
    int eventKey = -1;
    boolean window = false;
    for (int i = 0; i < groupExprs.size(); i++) {
      if (groupExprs.get(i) instanceof AttributeReference r && eventTime.containsKey(r.exprId())) {
        eventKey = i;
        window = eventTime.get(r.exprId()) == EventTimeKeys.Kind.WINDOW;
        break;
      }
    }
    long id = streaming.register("aggregate keys=" + keyAttrs.size() + " functions=" + callList);
    return new StreamingAggregateOperator(
        id,
        keyAttrs,
        callList,
        callAttrs,
        results,
        streaming.outputMode(),
        eventKey,
        window,
        exchange);
  }

  /**
   * Rewrites an output expression to read the aggregation's results: aggregate calls become their
   * result columns, grouping expressions their key columns.
   */
  private static Expression rewriteResult(
      Expression e,
      List<Expression> groupExprs,
      List<AttributeReference> keyAttrs,
      Map<AggregateCall, AttributeReference> calls) {
    return e.transformDown(
        x -> {
          if (x instanceof AggregateCall c) return calls.get(c);
          if (x instanceof NamedExpression && x == e) return x;
          if (!(x instanceof AttributeReference)) {
            Expression canon = canonical(x);
            for (int i = 0; i < groupExprs.size(); i++) {
              if (canonical(groupExprs.get(i)).equals(canon)) return keyAttrs.get(i);
            }
          }
          return x;
        });
  }

  /** The expression with column names and qualifiers erased, so only ids tell columns apart. */
  static Expression canonical(Expression e) {
    return e.transformUp(
        x ->
            x instanceof AttributeReference a
                ? new AttributeReference("", a.dataType(), true, a.exprId(), List.of())
                : x);
  }
}
