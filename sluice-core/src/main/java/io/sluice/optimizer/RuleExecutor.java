package io.sluice.optimizer;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batches of rules over a plan, in order. A batch applies its rules in sequence, and repeats
 * the sequence until one pass leaves the plan unchanged (structural equality) or the batch's
 * iteration cap is reached, which is logged as a warning: the plan is still correct, only possibly
 * less optimized.
 *
 * <p>After every rule the root's output (names, ids, types, in order) is checked against the
 * input's; a rule that changes it is a bug and fails the query with {@code INTERNAL_ERROR}.
 */
public final class RuleExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(RuleExecutor.class);

  /** A named list of rules run once ({@code maxIterations == 1}) or to a fixpoint. */
  public record Batch(String name, int maxIterations, List<Rule> rules) {
    public Batch {
      Objects.requireNonNull(name, "name");
      if (maxIterations < 1) throw new IllegalArgumentException("maxIterations < 1: " + name);
      rules = List.copyOf(rules);
    }

    public static Batch once(String name, Rule... rules) {
      return new Batch(name, 1, List.of(rules));
    }

    public static Batch fixedPoint(String name, int maxIterations, Rule... rules) {
      return new Batch(name, maxIterations, List.of(rules));
    }
  }

  /** How one batch went: passes made and whether the plan stopped changing. */
  public record BatchRun(String batch, int iterations, boolean converged) {}

  /** The result of {@link #run}: the final plan and a record per batch. */
  public record Run(LogicalPlan plan, List<BatchRun> batches) {}

  private final List<Batch> batches;

  public RuleExecutor(List<Batch> batches) {
    this.batches = List.copyOf(batches);
  }

  public List<Batch> batches() {
    return batches;
  }

  /** The plan after every batch. */
  public LogicalPlan execute(LogicalPlan plan) {
    return run(plan).plan();
  }

  /** Like {@link #execute}, also reporting iterations per batch (for tests and tracing). */
  public Run run(LogicalPlan plan) {
    List<Signature> expected = signature(plan);
    List<BatchRun> runs = new ArrayList<>();
    LogicalPlan current = plan;
    for (Batch batch : batches) {
      int iteration = 0;
      boolean converged = false;
      while (iteration < batch.maxIterations() && !converged) {
        iteration++;
        LogicalPlan before = current;
        for (Rule rule : batch.rules()) {
          LogicalPlan next = rule.apply(current);
          if (next != current) {
            checkOutput(rule, expected, next);
            if (LOG.isTraceEnabled() && !next.equals(current)) {
              LOG.trace(
                  "=== Applying rule {} ===\n{}\n=== Result ===\n{}",
                  rule.ruleName(),
                  current.treeString(),
                  next.treeString());
            }
          }
          current = next;
        }
        converged = current.equals(before);
      }
      if (!converged && batch.maxIterations() > 1) {
        LOG.warn(
            "Optimizer batch '{}' did not reach a fixpoint after {} iterations; raise"
                + " sluice.sql.optimizer.maxIterations if the plan is large",
            batch.name(),
            iteration);
      }
      runs.add(new BatchRun(batch.name(), iteration, converged || batch.maxIterations() == 1));
    }
    return new Run(current, runs);
  }

  private record Signature(String name, long exprId, String type) {}

  private static List<Signature> signature(LogicalPlan plan) {
    List<Signature> s = new ArrayList<>();
    for (AttributeReference a : plan.output()) {
      s.add(new Signature(a.name(), a.exprId(), a.dataType().simpleString()));
    }
    return s;
  }

  private static void checkOutput(Rule rule, List<Signature> expected, LogicalPlan plan) {
    List<Signature> actual = signature(plan);
    if (!actual.equals(expected)) {
      throw new SluiceRuntimeException(
          ErrorClass.INTERNAL_ERROR,
          SluiceException.params(
              "message",
              "Optimizer rule "
                  + rule.ruleName()
                  + " changed the output of the plan from "
                  + expected
                  + " to "
                  + actual
                  + ":\n"
                  + plan.treeString()));
    }
  }
}
