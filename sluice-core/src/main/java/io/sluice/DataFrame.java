package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.internal.EvalModes;
import io.sluice.internal.RowConverter;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GroupingSets;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnresolvedAlias;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.DeduplicateWithinWatermark;
import io.sluice.plan.logical.EventTimeWatermark;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Repartition;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.Union;
import io.sluice.sql.parser.SqlParser;
import io.sluice.streaming.DataStreamWriter;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A distributed collection of rows with named columns, as Spark's {@code Dataset<Row>}.
 * Transformations ({@code select}, {@code filter}, {@code groupBy}, {@code join}...) return new
 * DataFrames and are checked when called (an unknown column fails at once with an {@link
 * AnalysisException}); actions ({@code show}, {@code collectAsList}, {@code count}...) run the
 * query on the session's worker pool.
 */
public final class DataFrame {
  private static final int MAX_SHOW_ROWS = Integer.MAX_VALUE - 16;

  private final Session session;
  private final QueryExecution queryExecution;
  private StructType schema;

  DataFrame(Session session, LogicalPlan plan) {
    this.session = session;
    this.queryExecution = new QueryExecution(session, plan);
  }

  /** The session this DataFrame belongs to. */
  public Session sparkSession() {
    return session;
  }

  /** The stages of this DataFrame's query. */
  public QueryExecution queryExecution() {
    return queryExecution;
  }

  LogicalPlan plan() {
    return queryExecution.analyzed();
  }

  List<AttributeReference> output() {
    return plan().output();
  }

  DataFrame withPlan(LogicalPlan plan) {
    return new DataFrame(session, plan);
  }

  /** The column's expression with the session's ANSI mode applied. */
  Expression expr(Column c) {
    return EvalModes.withSessionMode(c.expr(), session.sqlConf().ansiEnabled());
  }

  /** A named form of a column for a projection: unnamed expressions are named by their SQL. */
  NamedExpression named(Column c) {
    Expression e = expr(c);
    return e instanceof NamedExpression n ? n : new UnresolvedAlias(e);
  }

  boolean nameMatches(String a, String b) {
    return session.sqlConf().caseSensitive() ? a.equals(b) : a.equalsIgnoreCase(b);
  }

  // ---------------------------------------------------------------- schema

  /** The schema: one field per column, with its name, type and nullability. */
  public StructType schema() {
    StructType s = schema;
    if (s == null) {
      List<StructField> fields = new ArrayList<>();
      for (AttributeReference a : output()) {
        fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
      }
      s = new StructType(fields);
      schema = s;
    }
    return s;
  }

  /** The column names. */
  public String[] columns() {
    return schema().fieldNames();
  }

  /** Each column's name and type, e.g. {@code (a,IntegerType)}, as Spark's {@code dtypes}. */
  @SuppressWarnings("unchecked")
  public Tuple2<String, String>[] dtypes() {
    StructField[] fields = schema().fields();
    Tuple2<String, String>[] out = new Tuple2[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = new Tuple2<>(fields[i].name(), fields[i].dataType().toString());
    }
    return out;
  }

  /** Prints the schema as a tree. */
  public void printSchema() {
    System.out.println(schema().treeString());
  }

  /** Prints the schema as a tree down to {@code level} levels of nesting. */
  public void printSchema(int level) {
    System.out.println(schema().treeString(level));
  }

  /** Prints the physical plan. */
  public void explain() {
    explain("simple");
  }

  /** Prints all plans (parsed, analyzed, optimized, physical) or only the physical one. */
  public void explain(boolean extended) {
    explain(extended ? "extended" : "simple");
  }

  /** Prints the plans in a mode: {@code simple}, {@code extended}, {@code formatted}... */
  public void explain(String mode) {
    System.out.println(queryExecution.explainString(mode));
  }

  /** True when the DataFrame reads a streaming source: it runs with {@link #writeStream()}. */
  public boolean isStreaming() {
    return plan().isStreaming();
  }

  /** Starts defining a batch write of this DataFrame's rows. */
  public DataFrameWriter write() {
    if (isStreaming()) {
      throw new AnalysisException(
          ErrorClass.CALL_ON_STREAMING_DATASET_UNSUPPORTED,
          SluiceException.params("methodName", "write", "alternative", "writeStream()"));
    }
    return new DataFrameWriter(this);
  }

  /** Starts defining a streaming query over this streaming DataFrame. */
  public DataStreamWriter writeStream() {
    return new DataStreamWriter(this);
  }

  /**
   * Declares {@code eventTime} (a timestamp column) the event time of this stream, with rows up to
   * {@code delayThreshold} late (e.g. {@code "10 minutes"}) still counted: stateful operators then
   * emit windows once the watermark (largest event time seen minus the delay) passes them, and drop
   * older rows. Without effect on batch DataFrames.
   */
  public DataFrame withWatermark(String eventTime, String delayThreshold) {
    long delayMs = Watermarks.delayMillis(delayThreshold);
    Expression time = functions.col(eventTime).expr();
    DataFrame out = withPlan(new EventTimeWatermark(time, delayMs, plan()));
    Watermarks.checkEventTimeType(out.queryExecution().analyzed(), eventTime);
    return out;
  }

  // ---------------------------------------------------------------- columns

  /**
   * The column {@code colName} of this DataFrame, bound to its attribute, so that it stays
   * unambiguous in joins ({@code left.col("id").equalTo(right.col("id"))}).
   */
  public Column col(String colName) {
    return new Column(ColumnResolver.resolve(this, colName));
  }

  /** Same as {@link #col}. */
  public Column apply(String colName) {
    return col(colName);
  }

  /** This DataFrame (Spark's {@code toDF()}). */
  public DataFrame toDF() {
    return this;
  }

  // ---------------------------------------------------------------- transformations

  /** The given columns (expressions, or {@code col("*")} for all). */
  public DataFrame select(Column... cols) {
    List<NamedExpression> list = new ArrayList<>(cols.length);
    for (Column c : cols) list.add(named(c));
    return withPlan(new Project(list, plan()));
  }

  /** The named columns; {@code "*"} and {@code "s.*"} expand. */
  public DataFrame select(String col, String... cols) {
    Column[] all = new Column[cols.length + 1];
    all[0] = functions.col(col);
    for (int i = 0; i < cols.length; i++) all[i + 1] = functions.col(cols[i]);
    return select(all);
  }

  /** The rows for which {@code condition} is true. */
  public DataFrame filter(Column condition) {
    return withPlan(new Filter(expr(condition), plan()));
  }

  /** Same as {@link #filter}. */
  public DataFrame where(Column condition) {
    return filter(condition);
  }

  /** The rows for which a SQL condition is true: {@code filter("amount > 10")}. */
  public DataFrame filter(String conditionExpr) {
    return filter(new Column(session.sqlParser().parseExpression(conditionExpr)));
  }

  /** Same as {@link #filter(String)}. */
  public DataFrame where(String conditionExpr) {
    return filter(conditionExpr);
  }

  /** Columns given as SQL expressions: {@code selectExpr("CAST(value AS STRING) AS v")}. */
  public DataFrame selectExpr(String... exprs) {
    Column[] cols = new Column[exprs.length];
    SqlParser parser = session.sqlParser();
    for (int i = 0; i < exprs.length; i++) cols[i] = new Column(parser.parseExpression(exprs[i]));
    return select(cols);
  }

  /** Adds a column, or replaces the column(s) of that name in place. */
  public DataFrame withColumn(String colName, Column col) {
    Map<String, Column> m = new LinkedHashMap<>();
    m.put(colName, col);
    return withColumns(m);
  }

  /** Adds or replaces several columns at once. */
  public DataFrame withColumns(Map<String, Column> colsMap) {
    return withPlan(ColumnEdits.withColumns(this, colsMap));
  }

  /** Renames a column; does nothing when there is no column of that name. */
  public DataFrame withColumnRenamed(String existingName, String newName) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(existingName, newName);
    return withColumnsRenamed(m);
  }

  /** Renames several columns; names that match no column are ignored. */
  public DataFrame withColumnsRenamed(Map<String, String> colsMap) {
    LogicalPlan p = ColumnEdits.rename(this, colsMap);
    return p == null ? this : withPlan(p);
  }

  /** Drops the named top-level columns; names that match no column are ignored. */
  public DataFrame drop(String... colNames) {
    LogicalPlan p = ColumnEdits.dropNames(this, colNames);
    return p == null ? this : withPlan(p);
  }

  /** Drops a column (one of this DataFrame's, e.g. from {@link #col}); others are ignored. */
  public DataFrame drop(Column col, Column... cols) {
    List<Column> all = new ArrayList<>();
    all.add(col);
    all.addAll(Arrays.asList(cols));
    LogicalPlan p = ColumnEdits.dropColumns(this, all);
    return p == null ? this : withPlan(p);
  }

  /** Groups rows by the columns, for aggregation with {@link GroupedData}. */
  public GroupedData groupBy(Column... cols) {
    List<Expression> list = new ArrayList<>(cols.length);
    for (Column c : cols) list.add(expr(c));
    return new GroupedData(this, list);
  }

  /**
   * Groups by every prefix of the columns, the longest first down to the grand total (SQL's {@code
   * ROLLUP}); the columns left out of a row's group are null in the result.
   */
  public GroupedData rollup(Column... cols) {
    return groupingSets(cols, true);
  }

  /** {@link #rollup(Column...)} by column names. */
  public GroupedData rollup(String col, String... cols) {
    return rollup(columns(col, cols));
  }

  /** Groups by every subset of the columns (SQL's {@code CUBE}). */
  public GroupedData cube(Column... cols) {
    return groupingSets(cols, false);
  }

  /** {@link #cube(Column...)} by column names. */
  public GroupedData cube(String col, String... cols) {
    return cube(columns(col, cols));
  }

  private static Column[] columns(String col, String... cols) {
    Column[] all = new Column[cols.length + 1];
    all[0] = functions.col(col);
    for (int i = 0; i < cols.length; i++) all[i + 1] = functions.col(cols[i]);
    return all;
  }

  private GroupedData groupingSets(Column[] cols, boolean rollup) {
    List<Expression> list = new ArrayList<>(cols.length);
    for (Column c : cols) list.add(expr(c));
    int n = list.size();
    List<List<Integer>> sets = new ArrayList<>();
    if (rollup) {
      for (int k = n; k >= 0; k--) sets.add(range(0, k));
    } else {
      // every subset in Spark's order: with the first column, then without, recursively
      for (int mask = 0; mask < (1 << n); mask++) {
        List<Integer> set = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << (n - 1 - i))) == 0) set.add(i);
        }
        sets.add(set);
      }
    }
    return new GroupedData(this, list, List.of(new GroupingSets(list, sets)));
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) out.add(i);
    return out;
  }

  /** Groups rows by the named columns. */
  public GroupedData groupBy(String col, String... cols) {
    Column[] all = new Column[cols.length + 1];
    all[0] = functions.col(col);
    for (int i = 0; i < cols.length; i++) all[i + 1] = functions.col(cols[i]);
    return groupBy(all);
  }

  /** Aggregates over all rows: {@code df.agg(max("a"), count("*"))}. */
  public DataFrame agg(Column expr, Column... exprs) {
    return groupBy().agg(expr, exprs);
  }

  /** Aggregates over all rows, column name → function name (e.g. {@code "age" → "max"}). */
  public DataFrame agg(Map<String, String> exprs) {
    return groupBy().agg(exprs);
  }

  /** An inner join without a condition (every pair of rows). */
  public DataFrame join(DataFrame right) {
    return Joins.join(this, right, List.of(), "inner");
  }

  /** An inner equi-join on a column both sides have, keeping one copy of it. */
  public DataFrame join(DataFrame right, String usingColumn) {
    return Joins.join(this, right, List.of(usingColumn), "inner");
  }

  /** An inner equi-join on columns both sides have, keeping one copy of each. */
  public DataFrame join(DataFrame right, List<String> usingColumns) {
    return Joins.join(this, right, usingColumns, "inner");
  }

  /** An inner equi-join on columns both sides have, keeping one copy of each. */
  public DataFrame join(DataFrame right, String[] usingColumns) {
    return Joins.join(this, right, Arrays.asList(usingColumns), "inner");
  }

  /** An equi-join of a type ({@code inner}, {@code left}, {@code full}, {@code semi}...). */
  public DataFrame join(DataFrame right, String usingColumn, String joinType) {
    return Joins.join(this, right, List.of(usingColumn), joinType);
  }

  /** An equi-join of a type on columns both sides have. */
  public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
    return Joins.join(this, right, usingColumns, joinType);
  }

  /** An equi-join of a type on columns both sides have. */
  public DataFrame join(DataFrame right, String[] usingColumns, String joinType) {
    return Joins.join(this, right, Arrays.asList(usingColumns), joinType);
  }

  /** An inner join on a condition. */
  public DataFrame join(DataFrame right, Column joinExprs) {
    return Joins.join(this, right, joinExprs, "inner");
  }

  /**
   * A join on a condition, of a type as Spark names them: {@code inner}, {@code cross}, {@code
   * outer}/{@code full}/{@code fullouter}, {@code left}/{@code leftouter}, {@code right}/{@code
   * rightouter}, {@code semi}/{@code leftsemi}, {@code anti}/{@code leftanti}.
   */
  public DataFrame join(DataFrame right, Column joinExprs, String joinType) {
    return Joins.join(this, right, joinExprs, joinType);
  }

  /** Every pair of rows of the two DataFrames. */
  public DataFrame crossJoin(DataFrame right) {
    return Joins.crossJoin(this, right);
  }

  /** This DataFrame under an alias, so columns can be named {@code alias.col}. */
  public DataFrame alias(String alias) {
    return withPlan(new SubqueryAlias(alias, plan()));
  }

  /** Same as {@link #alias}. */
  public DataFrame as(String alias) {
    return alias(alias);
  }

  /** The rows of both DataFrames, matching columns by position (SQL {@code UNION ALL}). */
  public DataFrame union(DataFrame other) {
    List<LogicalPlan> children = new ArrayList<>();
    for (LogicalPlan p : List.of(plan(), other.plan())) {
      if (p instanceof Union u && !u.byName()) {
        children.addAll(u.children());
      } else {
        children.add(p);
      }
    }
    return withPlan(new Union(children, false, false));
  }

  /** Same as {@link #union}. */
  public DataFrame unionAll(DataFrame other) {
    return union(other);
  }

  /** The rows of both DataFrames, matching columns by name. */
  public DataFrame unionByName(DataFrame other) {
    return unionByName(other, false);
  }

  /** By name; with {@code allowMissingColumns}, columns missing on one side are null. */
  public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
    return withPlan(new Union(List.of(plan(), other.plan()), true, allowMissingColumns));
  }

  /**
   * The distinct rows of this DataFrame that are not in {@code other} (SQL {@code EXCEPT}); columns
   * match by position, and nulls compare equal.
   */
  public DataFrame except(DataFrame other) {
    return withPlan(new Except(plan(), other.plan(), false));
  }

  /**
   * The rows of this DataFrame not in {@code other}, keeping duplicates (SQL {@code EXCEPT ALL}): a
   * row here {@code m} times and there {@code n} times remains {@code m - n} times.
   */
  public DataFrame exceptAll(DataFrame other) {
    return withPlan(new Except(plan(), other.plan(), true));
  }

  /** The distinct rows present in both DataFrames (SQL {@code INTERSECT}); nulls compare equal. */
  public DataFrame intersect(DataFrame other) {
    return withPlan(new Intersect(plan(), other.plan(), false));
  }

  /**
   * The rows present in both DataFrames, keeping duplicates (SQL {@code INTERSECT ALL}): a row here
   * {@code m} times and there {@code n} times appears {@code min(m, n)} times.
   */
  public DataFrame intersectAll(DataFrame other) {
    return withPlan(new Intersect(plan(), other.plan(), true));
  }

  /** The distinct rows (same as {@link #dropDuplicates()}). */
  public DataFrame distinct() {
    return dropDuplicates();
  }

  /** The first row of each group of equal rows. */
  public DataFrame dropDuplicates() {
    return withPlan(new Deduplicate(output(), plan()));
  }

  /** The first row of each group of rows equal in the named columns. */
  public DataFrame dropDuplicates(String col1, String... cols) {
    List<String> names = new ArrayList<>();
    names.add(col1);
    names.addAll(Arrays.asList(cols));
    return dropDuplicates(names);
  }

  /** The first row of each group of rows equal in the named columns. */
  public DataFrame dropDuplicates(String[] colNames) {
    return dropDuplicates(Arrays.asList(colNames));
  }

  /** The first row of each group of rows equal in the named columns. */
  public DataFrame dropDuplicates(List<String> colNames) {
    return withPlan(new Deduplicate(ColumnEdits.keys(this, colNames), plan()));
  }

  /**
   * On a stream with a watermark: the first row of each key, dropping rows with the same key until
   * the watermark passes the first one's event time plus the delay. Without arguments the key is
   * every column.
   */
  public DataFrame dropDuplicatesWithinWatermark(String... colNames) {
    return colNames.length == 0
        ? withPlan(new DeduplicateWithinWatermark(output(), plan()))
        : dropDuplicatesWithinWatermark(Arrays.asList(colNames));
  }

  /** {@link #dropDuplicatesWithinWatermark(String...)} with the key columns as a list. */
  public DataFrame dropDuplicatesWithinWatermark(List<String> colNames) {
    return withPlan(new DeduplicateWithinWatermark(ColumnEdits.keys(this, colNames), plan()));
  }

  /** Rows sorted by the columns (ascending unless a column is {@code desc()}). */
  public DataFrame orderBy(Column... sortExprs) {
    return sort(sortExprs);
  }

  /** Rows sorted by the named columns, ascending. */
  public DataFrame orderBy(String sortCol, String... sortCols) {
    return sort(sortCol, sortCols);
  }

  /** Rows sorted by the columns (ascending unless a column is {@code desc()}). */
  public DataFrame sort(Column... sortExprs) {
    return withPlan(new Sort(sortOrders(sortExprs), true, plan()));
  }

  /** Rows sorted by the named columns, ascending. */
  public DataFrame sort(String sortCol, String... sortCols) {
    Column[] all = new Column[sortCols.length + 1];
    all[0] = functions.col(sortCol);
    for (int i = 0; i < sortCols.length; i++) all[i + 1] = functions.col(sortCols[i]);
    return sort(all);
  }

  /** Rows sorted within each partition. */
  public DataFrame sortWithinPartitions(Column... sortExprs) {
    return withPlan(new Sort(sortOrders(sortExprs), false, plan()));
  }

  private List<SortOrder> sortOrders(Column[] cols) {
    List<SortOrder> orders = new ArrayList<>(cols.length);
    for (Column c : cols) {
      Expression e = expr(c);
      orders.add(e instanceof SortOrder s ? s : SortOrder.asc(e));
    }
    return orders;
  }

  /** The first {@code n} rows. */
  public DataFrame limit(int n) {
    if (n < 0) {
      throw new AnalysisException(
          ErrorClass.INVALID_LIMIT_NEGATIVE,
          SluiceException.params("expr", "\"" + n + "\"", "name", "limit", "v", String.valueOf(n)));
    }
    return withPlan(new Limit(n, plan()));
  }

  /** The rows shuffled round-robin into {@code numPartitions} partitions. */
  public DataFrame repartition(int numPartitions) {
    return withPlan(
        new Repartition(checkPartitions(numPartitions, "repartition"), true, List.of(), plan()));
  }

  /** The rows hash-partitioned by the columns into {@code numPartitions} partitions. */
  public DataFrame repartition(int numPartitions, Column... partitionExprs) {
    List<Expression> exprs = new ArrayList<>();
    for (Column c : partitionExprs) exprs.add(expr(c));
    return withPlan(
        new Repartition(checkPartitions(numPartitions, "repartition"), true, exprs, plan()));
  }

  /** The rows hash-partitioned by the columns into {@code sluice.sql.shuffle.partitions}. */
  public DataFrame repartition(Column... partitionExprs) {
    return repartition(session.sqlConf().shufflePartitions(), partitionExprs);
  }

  /** The partitions merged into {@code numPartitions} without a shuffle. */
  public DataFrame coalesce(int numPartitions) {
    return withPlan(
        new Repartition(checkPartitions(numPartitions, "coalesce"), false, List.of(), plan()));
  }

  private static int checkPartitions(int n, String operation) {
    if (n <= 0) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.INVALID_PARTITION_NUMBER,
          SluiceException.params("numPartitions", String.valueOf(n), "operation", operation));
    }
    return n;
  }

  // ---------------------------------------------------------------- views

  /** Registers this DataFrame as a temporary view, replacing one of that name. */
  public void createOrReplaceTempView(String viewName) {
    session.sessionCatalog().createTempView(viewName, plan(), true);
  }

  /** Registers a temporary view; fails with TEMP_TABLE_OR_VIEW_ALREADY_EXISTS if it exists. */
  public void createTempView(String viewName) {
    session.sessionCatalog().createTempView(viewName, plan(), false);
  }

  /** Registers a view in {@code global_temp}, visible to sessions sharing the worker pool. */
  public void createGlobalTempView(String viewName) {
    session.sessionCatalog().createGlobalTempView(viewName, plan(), false);
  }

  /** Registers or replaces a view in {@code global_temp}. */
  public void createOrReplaceGlobalTempView(String viewName) {
    session.sessionCatalog().createGlobalTempView(viewName, plan(), true);
  }

  // ---------------------------------------------------------------- actions

  /** Every row, in the external types of {@link Row}. */
  public List<Row> collectAsList() {
    return RowConverter.toExternal(schema(), javaTimeApi()).toRows(queryExecution.executeCollect());
  }

  /** Every row as an array. */
  public Row[] collect() {
    return collectAsList().toArray(new Row[0]);
  }

  private boolean javaTimeApi() {
    return session.sqlConf().get(io.sluice.config.SQLConf.DATETIME_JAVA8API);
  }

  /** Number of rows. */
  public long count() {
    NamedExpression count =
        Alias.of(new UnresolvedFunction("count", List.of(Literal.of(1)), false), "count");
    DataFrame agg = withPlan(new Aggregate(List.of(), List.of(count), plan()));
    return agg.collectAsList().get(0).getLong(0);
  }

  /** The first {@code n} rows. */
  public List<Row> head(int n) {
    return limit(n).collectAsList();
  }

  /** The first row; fails with NoSuchElementException when there is none. */
  public Row head() {
    List<Row> rows = head(1);
    if (rows.isEmpty()) throw new NoSuchElementException("next on empty iterator");
    return rows.get(0);
  }

  /** Same as {@link #head()}. */
  public Row first() {
    return head();
  }

  /** The first {@code n} rows. */
  public List<Row> takeAsList(int n) {
    return head(n);
  }

  /** The first {@code n} rows as an array. */
  public Row[] take(int n) {
    return head(n).toArray(new Row[0]);
  }

  /** True when there are no rows. */
  public boolean isEmpty() {
    for (ColumnBatch b : limit(1).queryExecution.executeCollect()) {
      if (b.numRows() > 0) return false;
    }
    return true;
  }

  /** Prints the first 20 rows as a table, cutting strings longer than 20 characters. */
  public void show() {
    show(20);
  }

  /** Prints the first {@code numRows} rows. */
  public void show(int numRows) {
    show(numRows, true);
  }

  /** Prints the first 20 rows; {@code truncate} cuts strings longer than 20 characters. */
  public void show(boolean truncate) {
    show(20, truncate);
  }

  /** Prints the first {@code numRows} rows. */
  public void show(int numRows, boolean truncate) {
    show(numRows, truncate ? 20 : 0);
  }

  /** Prints the first {@code numRows} rows, cutting cells longer than {@code truncate}. */
  public void show(int numRows, int truncate) {
    show(numRows, truncate, false);
  }

  /** Prints the first rows as a table, or one record per block when {@code vertical}. */
  public void show(int numRows, int truncate, boolean vertical) {
    System.out.println(showString(numRows, truncate, vertical));
  }

  /** The text {@link #show()} prints (without its final newline). */
  public String showString() {
    return showString(20, 20, false);
  }

  /** The text {@link #show(int, int, boolean)} prints (without its final newline). */
  public String showString(int numRows, int truncate, boolean vertical) {
    int n = Math.min(Math.max(numRows, 0), MAX_SHOW_ROWS);
    LogicalPlan limited = new Limit(n + 1, plan());
    return Shows.render(this, new QueryExecution(session, limited), n, truncate, vertical);
  }

  /** Spark's form: {@code [a: int, b: string ... 1 more field]}. */
  @Override
  public String toString() {
    StructField[] fields = schema().fields();
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < Math.min(2, fields.length); i++) {
      if (i > 0) sb.append(", ");
      sb.append(fields[i].name()).append(": ").append(fields[i].dataType().simpleString());
    }
    if (fields.length > 2) {
      int more = fields.length - 2;
      sb.append(" ... ").append(more).append(more == 1 ? " more field" : " more fields");
    }
    return sb.append(']').toString();
  }
}
