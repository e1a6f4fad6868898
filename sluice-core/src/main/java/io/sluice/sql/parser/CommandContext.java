package io.sluice.sql.parser;

import io.sluice.analysis.FunctionRegistry;
import io.sluice.analysis.SessionCatalog;
import io.sluice.plan.logical.LogicalPlan;
import java.util.Map;
import java.util.Optional;

/** What {@link CommandRunner} needs from the session that runs a SQL command. */
public interface CommandContext {
  SessionCatalog catalog();

  FunctionRegistry functions();

  /** The resolved form of a parsed plan (raises analysis errors). */
  LogicalPlan analyze(LogicalPlan parsed);

  /** The explain text of a parsed query in a mode ({@code simple}, {@code extended}...). */
  String explain(LogicalPlan parsed, String mode);

  /** Sets a configuration value (as {@code session.conf().set}). */
  void setConf(String key, String value);

  /** A configuration value, or its default, if any. */
  Optional<String> getConf(String key);

  /** The values set in this session. */
  Map<String, String> allConf();

  /** Removes a value set in this session. */
  void unsetConf(String key);
}
