package io.sluice.sql.parser;

import io.sluice.Column;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.analysis.FunctionSpec;
import io.sluice.analysis.InputType;
import io.sluice.error.SluiceException;
import io.sluice.functions;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.sql.parser.RoundTripTable.Arg;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Generates and checks the round trip of one registered function: finds an argument list from the
 * {@link RoundTripTable} pool that the function accepts, then evaluates {@code name(args)} through
 * SQL and through the DataFrame API and compares column names, types and rows.
 */
final class FunctionRoundTrip {
  /** Analyses tried per function before giving up (a wrong argument list fails analysis). */
  private static final int MAX_ANALYSES = 3000;

  /** Analysable argument lists run per function, looking for one that runs without error. */
  private static final int MAX_RUNS = 400;

  private static final int MAX_ARITY = 7;

  /** How a function's round trip ended. */
  enum Status {
    /** Same names, types and rows. */
    SAME_ROWS,
    /** Same names and types; values not compared (nondeterministic or clock-dependent). */
    SAME_SCHEMA,
    /** Every accepted argument list fails at run time; both APIs fail with the same error. */
    SAME_ERROR,
    /** No argument list of the pool is accepted. */
    NOT_CALLABLE,
    /** SQL and the DataFrame API disagree. */
    MISMATCH
  }

  record Outcome(String name, Status status, String call, String detail) {
    boolean passed() {
      return status == Status.SAME_ROWS
          || status == Status.SAME_SCHEMA
          || status == Status.SAME_ERROR;
    }

    @Override
    public String toString() {
      return name
          + ": "
          + status
          + (call == null ? "" : " " + call)
          + (detail == null ? "" : " -- " + detail);
    }
  }

  private final Session session;
  private final DataFrame table;
  private final List<Arg> pool;

  FunctionRoundTrip(Session session, DataFrame table, List<Arg> pool) {
    this.session = session;
    this.table = table;
    this.pool = pool;
  }

  /**
   * Finds a call of {@code spec} and checks it. {@code valuesToo} false compares names and types
   * only. {@code methodNamedOtherwise}: the Spark-named method of {@code functions} names its
   * column differently (as in Spark, e.g. {@code functions.mean} is {@code avg}), so the full
   * comparison is with {@code call_function} and the method is compared without names.
   */
  Outcome generate(FunctionSpec spec, boolean valuesToo, boolean methodNamedOtherwise) {
    Search search = new Search(spec, valuesToo, methodNamedOtherwise);
    for (int arity : arities(spec)) {
      List<List<Arg>> choices = new ArrayList<>(arity);
      for (int p = 0; p < arity; p++) choices.add(ordered(spec.inputType(p)));
      if (forEachPick(choices, search::tryCall)) break;
    }
    return search.outcome();
  }

  /** The state of the search for one function's call. */
  private final class Search {
    private final FunctionSpec spec;
    private final boolean valuesToo;
    private final boolean methodNamedOtherwise;
    private int analyses;
    private int runs;
    private String lastError;
    private List<Arg> firstFailing;
    private Outcome found;

    Search(FunctionSpec spec, boolean valuesToo, boolean methodNamedOtherwise) {
      this.spec = spec;
      this.valuesToo = valuesToo;
      this.methodNamedOtherwise = methodNamedOtherwise;
    }

    /** Tries one argument list; true to stop (found, or out of budget). */
    boolean tryCall(List<Arg> args) {
      if (++analyses > MAX_ANALYSES || runs >= MAX_RUNS) return true;
      String sql = sql(spec.name(), args);
      DataFrame s;
      try {
        s = session.sql(sql);
      } catch (RuntimeException rejected) {
        lastError = sql + ": " + rejected.getMessage();
        return false;
      }
      runs++;
      try {
        rows(s);
      } catch (RuntimeException failed) {
        if (firstFailing == null) firstFailing = args;
        return false;
      }
      boolean values = valuesToo && deterministic(s);
      String diff = compare(s, () -> api(spec, args, !methodNamedOtherwise), values, true);
      if (diff == null && methodNamedOtherwise) {
        diff = compare(s, () -> api(spec, args, true), values, false);
      }
      Status st = values ? Status.SAME_ROWS : Status.SAME_SCHEMA;
      found = new Outcome(spec.name(), diff == null ? st : Status.MISMATCH, sql, diff);
      return true;
    }

    /** The call found; else the same failure through both APIs; else not callable. */
    Outcome outcome() {
      if (found != null) return found;
      if (firstFailing != null) {
        List<Arg> args = firstFailing;
        String sql = sql(spec.name(), args);
        String diff = sameError(sql, () -> api(spec, args, !methodNamedOtherwise));
        return new Outcome(
            spec.name(), diff == null ? Status.SAME_ERROR : Status.MISMATCH, sql, diff);
      }
      return new Outcome(spec.name(), Status.NOT_CALLABLE, null, lastError);
    }
  }

  /** Checks a written call: {@code sql} is the SELECT list item, {@code api} its column. */
  Outcome check(String name, String sqlItem, Column api, boolean aggregate) {
    String sql = "SELECT " + sqlItem + " FROM t";
    DataFrame s;
    try {
      s = session.sql(sql);
      rows(s);
    } catch (RuntimeException e) {
      return new Outcome(name, Status.MISMATCH, sql, "SQL fails: " + e.getMessage());
    }
    String diff = compare(s, () -> aggregate ? table.agg(api) : table.select(api), true, true);
    return new Outcome(name, diff == null ? Status.SAME_ROWS : Status.MISMATCH, sql, diff);
  }

  /**
   * Arities to try: the fewest arguments first, but one before none (more telling) and, for
   * variadic functions, two before one ({@code concat(a, b)} rather than {@code concat(a)}).
   */
  private static List<Integer> arities(FunctionSpec spec) {
    List<Integer> out = new ArrayList<>();
    int atLeast = spec.arity().atLeast();
    if (atLeast >= 0) {
      int n = Math.max(atLeast, 1);
      out.addAll(List.of(n + 1, n, n + 2));
    } else {
      for (int n = 1; n <= MAX_ARITY; n++) {
        if (spec.arity().accepts(n)) out.add(n);
      }
    }
    if (spec.arity().accepts(0)) out.add(0);
    return out;
  }

  /** The pool with the arguments a position accepts as they are first. */
  private List<Arg> ordered(InputType expected) {
    if (expected == null) return pool;
    List<Arg> out = new ArrayList<>(pool.size());
    for (Arg a : pool) if (expected.accepts(a.type())) out.add(a);
    for (Arg a : pool) if (!expected.accepts(a.type())) out.add(a);
    return out;
  }

  /**
   * Calls {@code visit} with argument lists (one choice per position) in the order of the sum of
   * their choice indices, so that every position varies early (a list whose first argument fails at
   * run time is soon followed by lists with another first argument); stops when {@code visit}
   * returns true, and then returns true.
   */
  private static boolean forEachPick(List<List<Arg>> choices, Predicate<List<Arg>> visit) {
    int maxSum = 0;
    for (List<Arg> c : choices) maxSum += c.size() - 1;
    int[] pick = new int[choices.size()];
    for (int sum = 0; sum <= maxSum; sum++) {
      if (picksWithSum(choices, pick, 0, sum, visit)) return true;
    }
    return false;
  }

  private static boolean picksWithSum(
      List<List<Arg>> choices, int[] pick, int p, int left, Predicate<List<Arg>> visit) {
    if (p == pick.length) {
      if (left > 0) return false;
      List<Arg> args = new ArrayList<>(pick.length);
      for (int i = 0; i < pick.length; i++) args.add(choices.get(i).get(pick[i]));
      return visit.test(args);
    }
    int last = choices.get(p).size() - 1;
    if (p == pick.length - 1) {
      if (left > last) return false;
      pick[p] = left;
      return picksWithSum(choices, pick, p + 1, 0, visit);
    }
    for (int v = 0; v <= Math.min(left, last); v++) {
      pick[p] = v;
      if (picksWithSum(choices, pick, p + 1, left - v, visit)) return true;
    }
    return false;
  }

  private static String sql(String name, List<Arg> args) {
    StringBuilder sb = new StringBuilder("SELECT ").append(name).append('(');
    for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(args.get(i).sql());
    return sb.append(") FROM t").toString();
  }

  /**
   * The same call through the API, {@code t.agg(...)} for aggregates, else a select: the
   * Spark-named method when {@code method} and there is one, else {@code call_function}.
   */
  private DataFrame api(FunctionSpec spec, List<Arg> args, boolean method) {
    Column[] cols = new Column[args.size()];
    for (int i = 0; i < cols.length; i++) cols[i] = args.get(i).column();
    Column call = method ? apiCall(spec.name(), cols) : functions.call_function(spec.name(), cols);
    return spec.aggregate() ? table.agg(call) : table.select(call);
  }

  /**
   * The Spark-named method of {@code functions} taking these columns (fixed Column parameters or
   * Column varargs), else {@code call_function(name, cols)}.
   */
  static Column apiCall(String name, Column... cols) {
    Method m = columnMethod(name, cols.length);
    if (m == null) return functions.call_function(name, cols);
    Object[] args =
        m.isVarArgs() ? new Object[] {cols} : Arrays.copyOf(cols, cols.length, Object[].class);
    try {
      return (Column) m.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public static {@code functions.name} taking {@code n} Columns, if there is one. */
  static Method columnMethod(String name, int n) {
    for (Method m : functions.class.getMethods()) {
      if (!m.getName().equals(name)
          || !Modifier.isStatic(m.getModifiers())
          || m.getReturnType() != Column.class) {
        continue;
      }
      Class<?>[] ps = m.getParameterTypes();
      boolean varargs = m.isVarArgs() && ps.length == 1 && ps[0] == Column[].class;
      boolean fixed =
          !m.isVarArgs() && ps.length == n && Arrays.stream(ps).allMatch(p -> p == Column.class);
      if (varargs || fixed) return m;
    }
    return null;
  }

  /** Null when equal (names only when {@code names}, values only when {@code values}). */
  private static String compare(
      DataFrame s, Supplier<DataFrame> apiSide, boolean values, boolean names) {
    DataFrame api;
    List<String> apiRows;
    try {
      api = apiSide.get();
      apiRows = rows(api);
    } catch (RuntimeException e) {
      return "the DataFrame API fails: " + e.getMessage();
    }
    if (names && !Arrays.equals(s.columns(), api.columns())) {
      return "names " + Arrays.toString(s.columns()) + " vs API " + Arrays.toString(api.columns());
    }
    if (!types(s).equals(types(api))) {
      return "types " + types(s) + " vs API " + types(api);
    }
    List<String> sqlRows = rows(s);
    if (values && !sqlRows.equals(apiRows)) return "rows " + sqlRows + " vs API " + apiRows;
    return null;
  }

  /** Types (nested nullability included) and nullability of the columns, without names. */
  private static List<List<Object>> types(DataFrame df) {
    List<List<Object>> out = new ArrayList<>();
    for (var f : df.schema().fields()) out.add(List.of(f.dataType(), f.nullable()));
    return out;
  }

  /** Null when the API fails as SQL does (same error class and message), else what differs. */
  private String sameError(String sql, Supplier<DataFrame> apiSide) {
    RuntimeException sqlError = failure(() -> rows(session.sql(sql)));
    RuntimeException apiError = failure(() -> rows(apiSide.get()));
    if (apiError == null) return "SQL fails (" + sqlError.getMessage() + "), the API does not";
    if (!describe(sqlError).equals(describe(apiError))) {
      return "SQL fails with " + describe(sqlError) + ", the API with " + describe(apiError);
    }
    return null;
  }

  private static RuntimeException failure(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static String describe(RuntimeException e) {
    String cls = e instanceof SluiceException se ? se.getErrorClass() : e.getClass().getName();
    return "[" + cls + "] " + e.getMessage();
  }

  private static boolean deterministic(DataFrame df) {
    return deterministic(df.queryExecution().analyzed());
  }

  private static boolean deterministic(LogicalPlan plan) {
    for (Expression e : plan.expressions()) if (!e.deterministic()) return false;
    for (LogicalPlan c : plan.children()) if (!deterministic(c)) return false;
    return true;
  }

  /** The rows rendered (binary as hex, nested values recursively), sorted. */
  static List<String> rows(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(render(r));
    out.sort(null);
    return out;
  }

  private static String render(Object v) {
    if (v instanceof byte[] bytes) return "X'" + HexFormat.of().formatHex(bytes) + "'";
    if (v instanceof Row r) {
      List<String> fields = new ArrayList<>(r.size());
      for (int i = 0; i < r.size(); i++) fields.add(render(r.get(i)));
      return fields.toString();
    }
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>(l.size());
      for (Object o : l) items.add(render(o));
      return "array" + items;
    }
    if (v instanceof Map<?, ?> m) {
      List<String> entries = new ArrayList<>(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        entries.add(render(e.getKey()) + "->" + render(e.getValue()));
      }
      return "map" + entries;
    }
    return String.valueOf(v);
  }
}
