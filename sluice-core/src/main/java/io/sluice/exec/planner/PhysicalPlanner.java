package io.sluice.exec.planner;

import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.operator.BatchScanOperator;
import io.sluice.exec.operator.CoalesceOperator;
import io.sluice.exec.operator.DeduplicateOperator;
import io.sluice.exec.operator.ExpandOperator;
import io.sluice.exec.operator.FilterOperator;
import io.sluice.exec.operator.GenerateOperator;
import io.sluice.exec.operator.LimitOperator;
import io.sluice.exec.operator.LocalTableScanOperator;
import io.sluice.exec.operator.Partitioning;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.ProjectOperator;
import io.sluice.exec.operator.RangeOperator;
import io.sluice.exec.operator.ReplicateRowsOperator;
import io.sluice.exec.operator.ShuffleExchangeOperator;
import io.sluice.exec.operator.SortOperator;
import io.sluice.exec.operator.UnionOperator;
import io.sluice.exec.operator.window.WindowOperator;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Generator;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.DeduplicateWithinWatermark;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.EventTimeWatermark;
import io.sluice.plan.logical.Expand;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Generate;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.Repartition;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.StreamingRelation;
import io.sluice.plan.logical.StreamingScan;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.Union;
import io.sluice.plan.logical.Window;
import io.sluice.streaming.operator.EventTimeWatermarkOperator;
import io.sluice.streaming.operator.StreamScanOperator;
import io.sluice.streaming.operator.StreamingDeduplicateOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses a physical operator for each node of an optimized, resolved logical plan, inserting
 * exchanges where an operator needs its input distributed differently: hash partitioning on the
 * keys before final aggregation, deduplication and shuffled joins; a single partition before a
 * global sort, a global limit and an aggregation without keys.
 */
public final class PhysicalPlanner {
  private final SQLConf conf;
  private final AggregatePlanner aggregates;
  private final JoinPlanner joins;

  private final StreamingPlanContext streaming;

  public PhysicalPlanner(SQLConf conf) {
    this(conf, null);
  }

  /** A planner for a streaming query's incremental plan ({@code streaming} non-null). */
  public PhysicalPlanner(SQLConf conf, StreamingPlanContext streaming) {
    this.conf = conf;
    this.streaming = streaming;
    this.aggregates = new AggregatePlanner(this);
    this.joins = new JoinPlanner(this);
  }

  SQLConf conf() {
    return conf;
  }

  /** The streaming context, or null for a batch query. */
  StreamingPlanContext streaming() {
    return streaming;
  }

  public PhysicalOperator plan(LogicalPlan plan) {
    if (plan instanceof LocalRelation r) {
      int slices = (int) Math.min(Math.max(r.numRows(), 1), defaultParallelism());
      return new LocalTableScanOperator(r.output(), r.data(), slices);
    }
    if (plan instanceof Range r) {
      return new RangeOperator(r, r.numPartitions() > 0 ? r.numPartitions() : defaultParallelism());
    }
    if (plan instanceof ScanRelation s) return new BatchScanOperator(s.scan(), s.output());
    if (plan instanceof StreamingRelation r) {
      // a stream as defined, planned for explain(); queries run a StreamingScan instead
      return new StreamScanOperator(-1, r.source().description(), r.output(), 1);
    }
    if (plan instanceof StreamingScan s) {
      return new StreamScanOperator(
          s.sourceIndex(), s.description(), s.output(), defaultParallelism());
    }
    if (plan instanceof EventTimeWatermark w) {
      return new EventTimeWatermarkOperator(w.eventTime(), w.delayMs(), plan(w.child()));
    }
    if (plan instanceof SubqueryAlias a) return plan(a.child());
    if (plan instanceof Project p) {
      return new ProjectOperator(p.projectList(), planFor(p.child(), p.expressions()));
    }
    if (plan instanceof Filter f) return new FilterOperator(f.condition(), plan(f.child()));
    if (plan instanceof Generate g) {
      if (g.resolvedGenerator().kind() == Generator.Kind.REPLICATE_ROWS) {
        return new ReplicateRowsOperator(g, plan(g.child()));
      }
      return new GenerateOperator(g, plan(g.child()));
    }
    if (plan instanceof Window w) return planWindow(w);
    if (plan instanceof Aggregate a) return aggregates.plan(a);
    if (plan instanceof Expand e) return new ExpandOperator(e, plan(e.child()));
    if (plan instanceof Distinct d) {
      List<Expression> keys = new ArrayList<>(d.child().output());
      List<NamedExpression> out = new ArrayList<>(d.child().output());
      return aggregates.plan(new Aggregate(keys, out, d.child()));
    }
    if (plan instanceof Deduplicate d) {
      if (streaming != null && d.child().isStreaming()) {
        return planStreamingDeduplicate(d.keys(), d.child(), false);
      }
      return planDeduplicate(d);
    }
    if (plan instanceof DeduplicateWithinWatermark d) {
      if (streaming != null && d.child().isStreaming()) {
        return planStreamingDeduplicate(d.keys(), d.child(), true);
      }
      return planDeduplicate(new Deduplicate(d.keys(), d.child()));
    }
    if (plan instanceof Join j) return joins.plan(j);
    if (plan instanceof Sort s) return planSort(s);
    if (plan instanceof Limit l) return planLimit(l);
    if (plan instanceof Union u) {
      List<PhysicalOperator> kids = new ArrayList<>();
      for (LogicalPlan c : u.children()) kids.add(plan(c));
      return new UnionOperator(kids, u.output());
    }
    if (plan instanceof Repartition r) return planRepartition(r);
    throw new SluiceRuntimeException(
        ErrorClass.INTERNAL_ERROR,
        SluiceException.params(
            "message",
            "No physical operator for "
                + plan.nodeName()
                + " (the plan must be resolved and optimized first)"));
  }

  /**
   * Plans {@code child} for a parent that reads only the columns {@code parentExpressions} refer
   * to: a join below then leaves the other columns out of its output instead of copying them for
   * every matched pair.
   */
  PhysicalOperator planFor(LogicalPlan child, List<? extends Expression> parentExpressions) {
    if (child instanceof SubqueryAlias a) return planFor(a.child(), parentExpressions);
    if (!(child instanceof Join j)) return plan(child);
    Set<Long> required = new HashSet<>();
    for (Expression e : parentExpressions) {
      for (AttributeReference r : e.references()) required.add(r.exprId());
    }
    return joins.plan(j, required);
  }

  int defaultParallelism() {
    return Math.max(1, conf.workerThreads());
  }

  /** {@code op} itself when it has one partition, else an exchange into one. */
  PhysicalOperator singlePartition(PhysicalOperator op) {
    if (op.numPartitions() == 1) return op;
    return new ShuffleExchangeOperator(new Partitioning.Single(), false, op);
  }

  /** A hash exchange on {@code keys} into the session's shuffle partitions. */
  PhysicalOperator hashExchange(
      List<? extends Expression> keys, PhysicalOperator op, boolean coalesce) {
    return new ShuffleExchangeOperator(
        new Partitioning.Hash(new ArrayList<>(keys), conf.shufflePartitions()),
        coalesce && conf.get(SQLConf.ADAPTIVE_COALESCE_PARTITIONS),
        op);
  }

  /**
   * A window runs on the rows of each of its partitions together: the input is distributed by the
   * PARTITION BY keys (into one partition without them).
   */
  private PhysicalOperator planWindow(Window w) {
    PhysicalOperator child = plan(w.child());
    PhysicalOperator input =
        w.partitionSpec().isEmpty()
            ? singlePartition(child)
            : hashExchange(w.partitionSpec(), child, false);
    return new WindowOperator(w, input);
  }

  private PhysicalOperator planStreamingDeduplicate(
      List<AttributeReference> keyList, LogicalPlan child, boolean withinWatermark) {
    List<AttributeReference> keys = keyList.isEmpty() ? child.output() : keyList;
    PhysicalOperator input =
        new ShuffleExchangeOperator(
            new Partitioning.Hash(new ArrayList<>(keys), conf.shufflePartitions()),
            false,
            plan(child));
    java.util.Map<Long, EventTimeKeys.Kind> eventTime = EventTimeKeys.of(child);
    int ordinal = -1;
    long eventTimeId = -1;
    List<AttributeReference> out = child.output();
    for (int i = 0; i < out.size(); i++) {
      if (eventTime.get(out.get(i).exprId()) == EventTimeKeys.Kind.TIMESTAMP) {
        ordinal = i;
        eventTimeId = out.get(i).exprId();
        break;
      }
    }
    boolean inKeys = false;
    for (AttributeReference k : keys) inKeys |= k.exprId() == eventTimeId;
    long delay = EventTimeKeys.delayMs(child);
    long id =
        streaming.register(
            (withinWatermark ? "dedupWithinWatermark" : "dedup") + " keys=" + keys.size());
    return new StreamingDeduplicateOperator(
        id, keys, ordinal, inKeys, withinWatermark, delay, input);
  }

  private PhysicalOperator planDeduplicate(Deduplicate d) {
    List<AttributeReference> keys = d.keys().isEmpty() ? d.child().output() : d.keys();
    PhysicalOperator local = new DeduplicateOperator(keys, plan(d.child()));
    return new DeduplicateOperator(keys, hashExchange(keys, local, true));
  }

  private PhysicalOperator planSort(Sort s) {
    PhysicalOperator child = plan(s.child());
    if (!s.global()) return new SortOperator(s.order(), false, child);
    return new SortOperator(s.order(), true, singlePartition(child));
  }

  private PhysicalOperator planLimit(Limit l) {
    if (l.child() instanceof Sort s && s.global()) {
      // top-k: sort and cut each partition, then merge the candidates in one partition
      PhysicalOperator child = plan(s.child());
      if (child.numPartitions() > 1) {
        child = new LimitOperator(l.limit(), false, new SortOperator(s.order(), false, child));
      }
      PhysicalOperator sorted = new SortOperator(s.order(), true, singlePartition(child));
      return new LimitOperator(l.limit(), true, sorted);
    }
    PhysicalOperator child = plan(l.child());
    if (child.numPartitions() == 1) return new LimitOperator(l.limit(), true, child);
    return new LimitOperator(
        l.limit(), true, singlePartition(new LimitOperator(l.limit(), false, child)));
  }

  private PhysicalOperator planRepartition(Repartition r) {
    PhysicalOperator child = plan(r.child());
    int n = r.numPartitions() > 0 ? r.numPartitions() : conf.shufflePartitions();
    if (!r.shuffle()) return new CoalesceOperator(n, child);
    Partitioning p =
        r.partitionExpressions().isEmpty()
            ? new Partitioning.RoundRobin(n)
            : new Partitioning.Hash(r.partitionExpressions(), n);
    return new ShuffleExchangeOperator(p, false, child);
  }
}
