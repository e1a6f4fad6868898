package io.sluice;

import io.sluice.analysis.FunctionRegistry;
import io.sluice.analysis.SessionCatalog;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.sql.parser.CommandContext;
import java.util.Map;
import java.util.Optional;

/** The session as SQL commands see it ({@link Session#sql}). */
final class SqlCommands implements CommandContext {
  private final Session session;

  SqlCommands(Session session) {
    this.session = session;
  }

  @Override
  public SessionCatalog catalog() {
    return session.sessionCatalog();
  }

  @Override
  public FunctionRegistry functions() {
    return FunctionRegistry.builtin();
  }

  @Override
  public LogicalPlan analyze(LogicalPlan parsed) {
    return session.analyze(parsed);
  }

  @Override
  public String explain(LogicalPlan parsed, String mode) {
    return new DataFrame(session, parsed).queryExecution().explainString(mode);
  }

  @Override
  public void setConf(String key, String value) {
    session.conf().set(key, value);
  }

  @Override
  public Optional<String> getConf(String key) {
    return session.conf().getOption(key);
  }

  @Override
  public Map<String, String> allConf() {
    return session.conf().getAll();
  }

  @Override
  public void unsetConf(String key) {
    session.conf().unset(key);
  }
}
