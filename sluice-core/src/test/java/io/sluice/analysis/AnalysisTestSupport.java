package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.AnalysisException;
import io.sluice.config.SQLConf;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.UnresolvedAlias;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.types.DataType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builders for hand-made plans and assertions shared by the analyzer tests. */
abstract class AnalysisTestSupport {
  final SQLConf conf = new SQLConf(2);
  final SessionCatalog catalog = new SessionCatalog(new ConcurrentHashMap<>(), false);

  LogicalPlan analyze(LogicalPlan plan) {
    return new Analyzer(catalog, conf).analyze(plan);
  }

  AnalysisException analysisError(LogicalPlan plan) {
    AnalysisException e = catchThrowableOfType(AnalysisException.class, () -> analyze(plan));
    assertThat(e).as("expected an AnalysisException").isNotNull();
    return e;
  }

  void assertError(LogicalPlan plan, String errorClass, String... params) {
    AnalysisException e = analysisError(plan);
    assertThat(e.getErrorClass()).as(e.getMessage()).isEqualTo(errorClass);
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) expected.put(params[i], params[i + 1]);
    assertThat(e.getMessageParameters()).as(e.getMessage()).containsAllEntriesOf(expected);
  }

  static AttributeReference attr(String name, DataType type) {
    return AttributeReference.create(name, type, true);
  }

  static AttributeReference notNull(String name, DataType type) {
    return AttributeReference.create(name, type, false);
  }

  static LocalRelation relation(AttributeReference... attrs) {
    return new LocalRelation(Arrays.asList(attrs), List.of());
  }

  static UnresolvedAttribute col(String name) {
    return UnresolvedAttribute.quoted(name);
  }

  static UnresolvedFunction fn(String name, Expression... args) {
    return new UnresolvedFunction(name, Arrays.asList(args), false);
  }

  static UnresolvedFunction distinctFn(String name, Expression... args) {
    return new UnresolvedFunction(name, Arrays.asList(args), true);
  }

  static UnresolvedAlias unnamed(Expression e) {
    return new UnresolvedAlias(e);
  }

  static Alias as(Expression e, String name) {
    return Alias.of(e, name);
  }

  static Project select(LogicalPlan child, NamedExpression... items) {
    return new Project(Arrays.asList(items), child);
  }

  /** The single expression of a one-column projection, without its alias. */
  static Expression onlyExpression(LogicalPlan analyzed) {
    NamedExpression e = ((Project) analyzed).projectList().get(0);
    return e instanceof Alias a ? a.child() : e;
  }

  static List<String> names(LogicalPlan p) {
    return p.output().stream().map(AttributeReference::name).toList();
  }

  static List<DataType> types(LogicalPlan p) {
    return p.output().stream().map(AttributeReference::dataType).toList();
  }
}
