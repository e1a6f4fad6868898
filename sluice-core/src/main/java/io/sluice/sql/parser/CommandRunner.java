package io.sluice.sql.parser;

import io.sluice.AnalysisException;
import io.sluice.analysis.FunctionSpec;
import io.sluice.analysis.SessionCatalog;
import io.sluice.config.ConfigOption;
import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.UnresolvedRelation;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs SQL commands against a session and returns their rows with Spark's result columns: {@code
 * SHOW TABLES} (namespace, tableName, isTemporary), {@code SHOW VIEWS} (namespace, viewName,
 * isTemporary), {@code SHOW FUNCTIONS} (function), {@code DESCRIBE} (col_name, data_type, comment),
 * {@code DESCRIBE FUNCTION} (function_desc), {@code EXPLAIN} (plan), {@code SET} (key, value).
 */
public final class CommandRunner {
  private final CommandContext ctx;

  public CommandRunner(CommandContext ctx) {
    this.ctx = ctx;
  }

  /** Runs a command (not a query: run those as DataFrames). */
  public CommandResult run(Statement statement) {
    if (statement instanceof Statement.CreateTempView v) return createView(v);
    if (statement instanceof Statement.DropView d) return dropView(d);
    if (statement instanceof Statement.ShowTables s) return showTables(s);
    if (statement instanceof Statement.ShowFunctions s) return showFunctions(s);
    if (statement instanceof Statement.DescribeRelation d) return describe(d);
    if (statement instanceof Statement.DescribeFunction d) return describeFunction(d);
    if (statement instanceof Statement.Explain e) return explain(e);
    if (statement instanceof Statement.SetConfig s) return set(s);
    if (statement instanceof Statement.ResetConfig r) return reset(r);
    throw new IllegalArgumentException("not a command: " + statement);
  }

  private CommandResult createView(Statement.CreateTempView v) {
    LogicalPlan plan = ctx.analyze(v.query());
    if (v.global()) {
      ctx.catalog().createGlobalTempView(v.name(), plan, v.replace());
    } else {
      ctx.catalog().createTempView(v.name(), plan, v.replace());
    }
    return CommandResult.empty();
  }

  private CommandResult dropView(Statement.DropView d) {
    List<String> n = d.name();
    boolean dropped;
    if (n.size() == 2 && n.get(0).equalsIgnoreCase(SessionCatalog.GLOBAL_TEMP_DATABASE)) {
      dropped = ctx.catalog().dropGlobalTempView(n.get(1));
    } else {
      dropped = n.size() == 1 && ctx.catalog().dropTempView(n.get(0));
    }
    if (!dropped && !d.ifExists()) {
      throw new AnalysisException(
          ErrorClass.TABLE_OR_VIEW_NOT_FOUND, SluiceException.params("relationName", sqlId(n)));
    }
    return CommandResult.empty();
  }

  private CommandResult showTables(Statement.ShowTables s) {
    String nameColumn = s.views() ? "viewName" : "tableName";
    StructType schema =
        new StructType()
            .add("namespace", DataTypes.StringType, false)
            .add(nameColumn, DataTypes.StringType, false)
            .add("isTemporary", DataTypes.BooleanType, false);
    List<List<Object>> rows = new ArrayList<>();
    String ns = s.namespace().isEmpty() ? "default" : String.join(".", s.namespace());
    if (ns.equalsIgnoreCase(SessionCatalog.GLOBAL_TEMP_DATABASE)) {
      for (String v : ctx.catalog().listGlobalTempViews()) {
        if (matches(s.pattern(), v)) {
          rows.add(List.of(SessionCatalog.GLOBAL_TEMP_DATABASE, v, true));
        }
      }
    } else if (!ns.equalsIgnoreCase("default")) {
      throw new AnalysisException(
          ErrorClass.SCHEMA_NOT_FOUND, SluiceException.params("schemaName", sqlId(s.namespace())));
    }
    for (String v : ctx.catalog().listTempViews()) {
      if (matches(s.pattern(), v)) rows.add(List.of("", v, true));
    }
    return new CommandResult(schema, rows);
  }

  private CommandResult showFunctions(Statement.ShowFunctions s) {
    StructType schema = new StructType().add("function", DataTypes.StringType, false);
    List<List<Object>> rows = new ArrayList<>();
    for (String f : ctx.functions().names()) {
      if (matches(s.pattern(), f)) rows.add(List.of(f));
    }
    return new CommandResult(schema, rows);
  }

  /**
   * Spark's pattern of SHOW: alternatives separated by {@code |}, {@code *} for any text,
   * case-insensitive.
   */
  static boolean matches(String pattern, String name) {
    if (pattern == null) return true;
    for (String alt : pattern.split("\\|")) {
      StringBuilder re = new StringBuilder();
      for (String piece : alt.trim().split("\\*", -1)) {
        if (re.length() > 0) re.append(".*");
        re.append(Pattern.quote(piece));
      }
      String regex = re.toString().replace("\\Q\\E", "");
      if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(name).matches()) return true;
    }
    return false;
  }

  private CommandResult describe(Statement.DescribeRelation d) {
    StructType schema =
        new StructType()
            .add("col_name", DataTypes.StringType, false)
            .add("data_type", DataTypes.StringType, false)
            .add("comment", DataTypes.StringType, true);
    List<List<Object>> rows = new ArrayList<>();
    for (AttributeReference a : ctx.analyze(new UnresolvedRelation(d.name())).output()) {
      rows.add(Arrays.asList(a.name(), a.dataType().simpleString(), null));
    }
    return new CommandResult(schema, rows);
  }

  private CommandResult describeFunction(Statement.DescribeFunction d) {
    FunctionSpec spec =
        ctx.functions()
            .lookup(d.name())
            .orElseThrow(
                () ->
                    new AnalysisException(
                        ErrorClass.UNRESOLVED_ROUTINE,
                        SluiceException.params(
                            "routineName",
                            sqlId(List.of(d.name())),
                            "searchPath",
                            "[`system`.`builtin`, `system`.`session`]")));
    StructType schema = new StructType().add("function_desc", DataTypes.StringType, false);
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("Function: " + spec.name()));
    rows.add(List.of("Usage: " + FunctionDocs.usage(spec)));
    if (d.extended()) rows.add(List.of("Extended Usage: " + FunctionDocs.kind(spec)));
    return new CommandResult(schema, rows);
  }

  private CommandResult explain(Statement.Explain e) {
    StructType schema = new StructType().add("plan", DataTypes.StringType, false);
    String text;
    if (e.statement() instanceof Statement.Query q) {
      text = ctx.explain(q.plan(), e.mode());
    } else {
      text = "== Physical Plan ==\nExecute " + e.statement().getClass().getSimpleName() + "\n";
    }
    return new CommandResult(schema, List.of(List.of(text)));
  }

  private CommandResult set(Statement.SetConfig s) {
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType, false)
            .add("value", DataTypes.StringType, false);
    List<List<Object>> rows = new ArrayList<>();
    if (s.verbose()) {
      schema =
          schema
              .add("meaning", DataTypes.StringType, false)
              .add("Since version", DataTypes.StringType, false);
      for (ConfigOption<?> o : SQLConf.options().values()) {
        rows.add(List.of(o.key(), ctx.getConf(o.key()).orElse("<undefined>"), o.doc(), o.since()));
      }
    } else if (s.key() == null) {
      for (Map.Entry<String, String> e : ctx.allConf().entrySet()) {
        rows.add(List.of(e.getKey(), e.getValue()));
      }
    } else if (s.value() == null) {
      Optional<String> v = ctx.getConf(s.key());
      rows.add(List.of(s.key(), v.orElse("<undefined>")));
    } else {
      ctx.setConf(s.key(), s.value());
      rows.add(List.of(s.key(), s.value()));
    }
    return new CommandResult(schema, rows);
  }

  private CommandResult reset(Statement.ResetConfig r) {
    if (r.key() != null) {
      ctx.unsetConf(r.key());
    } else {
      for (String k : ctx.allConf().keySet()) {
        if (SQLConf.lookup(k).isEmpty() || isRuntime(k)) ctx.unsetConf(k);
      }
    }
    return CommandResult.empty();
  }

  /** Keys fixed at session start ({@code sluice.master}, {@code sluice.app.name}) stay. */
  private static boolean isRuntime(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return !k.equals("sluice.master") && !k.equals("sluice.app.name");
  }

  private static String sqlId(List<String> parts) {
    List<String> q = new ArrayList<>();
    for (String p : parts) q.add("`" + p.replace("`", "``") + "`");
    return String.join(".", q);
  }
}
