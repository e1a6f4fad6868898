package io.sluice.analysis;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.monotonically_increasing_id;
import static io.sluice.streaming.OutputMode.APPEND;
import static io.sluice.streaming.OutputMode.COMPLETE;
import static io.sluice.streaming.OutputMode.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.config.SQLConf;
import io.sluice.config.StreamingConf;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.UnaryNode;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsupportedOperationCheckerTest extends StreamingCheckSupport {
  private static final String OUTPUT_MODE = "STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION";
  private static final String CORRECTNESS =
      "STREAMING_UNSUPPORTED_OPERATION.GLOBAL_WATERMARK_CORRECTNESS";

  @Test
  void aBatchQueryCannotBeStartedAsAStream() {
    SluiceException e =
        assertRefused(
            analyzed(batch("a INT")),
            APPEND,
            "STREAMING_UNSUPPORTED_OPERATION.NO_STREAMING_SOURCE");
    assertThat(e.getMessage())
        .contains("Queries without streaming sources cannot be executed with writeStream.start()");
  }

  @Test
  void statelessQueriesRunInAppendAndUpdateModeButNotComplete() {
    String q = "SELECT event_id, upper(user_id) FROM events WHERE event_type = 'click'";
    assertAccepted(q, APPEND);
    assertAccepted(q, UPDATE);
    SluiceException e = assertRefused(q, COMPLETE, OUTPUT_MODE);
    assertThat(e.getMessage())
        .isEqualTo(
            "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode:"
                + " complete. This output mode is not supported for no streaming aggregations on"
                + " streaming DataFrames/DataSets. SQLSTATE: 42KDE");
    assertThat(e.getMessageParameters())
        .containsEntry("outputMode", "complete")
        .containsEntry("operation", "no streaming aggregations");
  }

  @Test
  void aggregationsRunInCompleteAndUpdateMode() {
    String q = "SELECT event_type, count(*) AS n FROM events GROUP BY event_type";
    assertAccepted(q, COMPLETE);
    assertAccepted(q, UPDATE);
    assertAccepted("SELECT count(*) FROM events", COMPLETE);
  }

  @Test
  void appendModeAggregationNeedsAWatermarkedGroupingColumn() {
    SluiceException e =
        assertRefused(
            "SELECT event_type, count(*) AS n FROM events GROUP BY event_type",
            APPEND,
            OUTPUT_MODE);
    assertThat(e.getMessage())
        .isEqualTo(
            "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: append."
                + " This output mode is not supported for streaming aggregations without watermark"
                + " on streaming DataFrames/DataSets. SQLSTATE: 42KDE");
    // A watermark on the input is not enough: the groups must be keyed by event time.
    assertRefused(
        "SELECT event_type, count(*) AS n FROM events_wm GROUP BY event_type", APPEND, OUTPUT_MODE);
    assertRefused("SELECT count(*) FROM events_wm", APPEND, OUTPUT_MODE);
    assertAccepted("SELECT ts, count(*) AS n FROM events_wm GROUP BY ts", APPEND);
    assertAccepted("SELECT ts, user_id, count(*) FROM events_wm GROUP BY user_id, ts", APPEND);
  }

  @Test
  void theWatermarkFollowsAColumnThroughAliasesButNotThroughExpressions() {
    assertAccepted(
        "SELECT t, count(*) FROM (SELECT ts AS t, user_id FROM events_wm) GROUP BY t", APPEND);
    assertAccepted(
        "SELECT t2, count(*) FROM (SELECT t AS t2 FROM (SELECT ts AS t FROM events_wm)) GROUP BY t2",
        APPEND);
    // Spark: the watermark does not survive expressions (conformance README, item 17).
    assertRefused(
        "SELECT date_trunc('MINUTE', ts) AS m, count(*) FROM events_wm"
            + " GROUP BY date_trunc('MINUTE', ts)",
        APPEND,
        OUTPUT_MODE);
  }

  @Test
  void aSecondWatermarkReplacesTheFirst() {
    DataFrame twice =
        stream("a TIMESTAMP, b TIMESTAMP")
            .withWatermark("a", "1 minute")
            .withWatermark("b", "1 minute");
    assertRefused(twice.groupBy(col("a")).agg(count("*")), APPEND, OUTPUT_MODE);
    assertAccepted(twice.groupBy(col("b")).agg(count("*")), APPEND);
  }

  @Test
  void theTopAggregationDecidesAppendMode() {
    // Chained aggregations in append mode: each groups by the event time.
    String chained =
        "SELECT ts, count(*) AS users FROM"
            + " (SELECT ts, user_id, count(*) AS c FROM events_wm GROUP BY ts, user_id)"
            + " GROUP BY ts";
    assertAccepted(chained, APPEND);
    assertRefused(
        "SELECT c, count(*) FROM (SELECT ts, count(*) AS c FROM events_wm GROUP BY ts) GROUP BY c",
        APPEND,
        OUTPUT_MODE);
  }

  @Test
  void sqlDistinctIsAnAggregation() {
    String q = "SELECT DISTINCT user_id FROM events";
    assertAccepted(q, UPDATE);
    assertAccepted(q, COMPLETE);
    assertRefused(q, APPEND, OUTPUT_MODE);
    assertAccepted("SELECT DISTINCT user_id, ts FROM events_wm", APPEND);
  }

  @Test
  void sessionWindowAggregationsAreRefusedInUpdateMode() {
    LogicalPlan input = analyzed(session.table("events_wm"));
    AttributeReference ts = attribute(input, "ts");
    AttributeReference user = attribute(input, "user_id");
    StructType window =
        new StructType(
            new StructField[] {
              new StructField("start", DataTypes.TimestampType, true),
              new StructField("end", DataTypes.TimestampType, true)
            });
    Alias session =
        Alias.of(
            ScalarFunction.of(
                "session_window_bounds", List.of(ts, Literal.of(60_000_000L)), window, true),
            "session_window");
    List<NamedExpression> below = new ArrayList<>(List.of(session));
    below.addAll(input.output());
    AttributeReference sessionAttr = session.toAttribute();
    LogicalPlan plan =
        new Aggregate(
            List.of(sessionAttr, user),
            List.of(sessionAttr, user, Alias.of(countStar(), "cnt")),
            new Project(below, input));
    SluiceException e = assertRefused(plan, UPDATE, OUTPUT_MODE);
    assertThat(e.getMessage())
        .isEqualTo(
            "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: update."
                + " This output mode is not supported for session window streaming aggregations"
                + " on streaming DataFrames/DataSets. SQLSTATE: 42KDE");
    // The session window carries the watermark of its time column, so append mode accepts it.
    UnsupportedOperationChecker.checkForStreaming(plan, APPEND);
    UnsupportedOperationChecker.checkForStreaming(plan, COMPLETE);
  }

  @Test
  void distinctAggregatesAreRefusedOnStreams() {
    SluiceException e =
        assertRefused(
            "SELECT event_type, count(DISTINCT user_id) FROM events GROUP BY event_type",
            COMPLETE,
            "STREAMING_UNSUPPORTED_OPERATION.DISTINCT_AGGREGATION");
    assertThat(e.getMessage())
        .contains("Distinct aggregations are not supported on streaming DataFrames/Datasets")
        .contains("count(DISTINCT user_id)")
        .contains("Consider using approx_count_distinct() instead.");
    assertAccepted(
        "SELECT event_type, approx_count_distinct(user_id) FROM events GROUP BY event_type",
        COMPLETE);
    // A distinct aggregate of a static table inside a streaming query is fine.
    assertAccepted(
        "SELECT e.event_id, u.n FROM events e"
            + " JOIN (SELECT user_id, count(DISTINCT name) AS n FROM users GROUP BY user_id) u"
            + " ON e.user_id = u.user_id",
        APPEND);
  }

  @Test
  void chainedAggregationsAreRefusedInUpdateAndCompleteMode() {
    String q =
        "SELECT cnt, count(*) AS types FROM"
            + " (SELECT event_type, count(*) AS cnt FROM events GROUP BY event_type) GROUP BY cnt";
    for (var mode : List.of(UPDATE, COMPLETE)) {
      SluiceException e = assertRefused(q, mode, CORRECTNESS);
      assertThat(e.getMessage())
          .contains("Detected pattern of possible 'correctness' issue due to global watermark.")
          .contains("`spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false");
    }
  }

  @Test
  void theCorrectnessCheckCanBeTurnedIntoAWarning() {
    String q =
        "SELECT cnt, count(*) AS types FROM"
            + " (SELECT event_type, count(*) AS cnt FROM events GROUP BY event_type) GROUP BY cnt";
    SQLConf conf = new SQLConf(1);
    conf.set("spark.sql.streaming.statefulOperator.checkCorrectness.enabled", "false");
    UnsupportedOperationChecker.checkForStreaming(analyzed(session.sql(q)), UPDATE, conf);
    conf.set(StreamingConf.STATEFUL_OPERATOR_CHECK_CORRECTNESS, true);
    assertRefused(analyzed(session.sql(q)), UPDATE, conf, CORRECTNESS);
  }

  @Test
  void deduplicationOnEventTimeAfterAnUpdateModeAggregationIsRefused() {
    DataFrame agg = session.sql("SELECT ts, count(*) AS c FROM events_wm GROUP BY ts");
    assertRefused(agg.dropDuplicates("ts"), UPDATE, CORRECTNESS);
    // Without the event time among its keys, deduplication may follow the aggregation.
    assertAccepted(agg.dropDuplicates("c"), UPDATE);
    // An aggregation after deduplication is fine in any mode.
    DataFrame dedup = session.table("events").dropDuplicates("event_id");
    assertAccepted(dedup.groupBy(col("event_type")).agg(count("*")), UPDATE);
  }

  @Test
  void theChecksCanBeTurnedOff() {
    SQLConf conf = new SQLConf(1);
    conf.set("spark.sql.streaming.unsupportedOperationCheck", "false");
    UnsupportedOperationChecker.checkForStreaming(
        analyzed(session.sql("SELECT event_id FROM events ORDER BY ts")), APPEND, conf);
  }

  @Test
  void sortingNeedsAnAggregationInCompleteMode() {
    String sort = "STREAMING_UNSUPPORTED_OPERATION.SORT";
    SluiceException e = assertRefused("SELECT event_id FROM events ORDER BY ts", APPEND, sort);
    assertThat(e.getMessage())
        .contains(
            "Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated"
                + " DataFrame/Dataset in Complete output mode");
    String sorted = "SELECT event_type, count(*) AS n FROM events GROUP BY event_type ORDER BY n";
    assertAccepted(sorted, COMPLETE);
    assertRefused(sorted, UPDATE, sort);
    assertRefused(
        session.table("events").sort("ts").groupBy(col("event_type")).agg(count("*")),
        COMPLETE,
        sort);
    // Sorting a static input of a streaming query is fine.
    DataFrame users = session.table("users").sort("name");
    assertAccepted(session.table("events").join(users, "user_id"), APPEND);
  }

  @Test
  void limitsAreRefusedInUpdateModeOnly() {
    SluiceException e =
        assertRefused(
            "SELECT event_id FROM events LIMIT 3",
            UPDATE,
            "STREAMING_UNSUPPORTED_OPERATION.LIMIT_IN_UPDATE_MODE");
    assertThat(e.getMessage())
        .contains(
            "Limits are not supported on streaming DataFrames/Datasets in Update output mode");
    assertAccepted("SELECT event_id FROM events LIMIT 3", APPEND);
    assertAccepted(
        "SELECT event_type, count(*) AS n FROM events GROUP BY event_type ORDER BY n LIMIT 2",
        COMPLETE);
    // A limit on a static input is fine in any mode.
    assertAccepted(
        session.table("events").join(session.table("users").limit(1), "user_id"), UPDATE);
  }

  @Test
  void unionMayNotMixStreamsAndBatches() {
    assertAccepted("SELECT event_id FROM events UNION ALL SELECT click_id FROM clicks", APPEND);
    SluiceException e =
        assertRefused(
            "SELECT event_id FROM events UNION ALL SELECT name FROM users",
            APPEND,
            "STREAMING_UNSUPPORTED_OPERATION.UNION_WITH_BATCH");
    assertThat(e.getMessage())
        .contains("Union between streaming and batch DataFrames/Datasets is not supported");
  }

  @Test
  void exceptNeedsAStaticRightSideAndIntersectNoStream() {
    assertAccepted("SELECT user_id FROM events EXCEPT SELECT user_id FROM users", APPEND);
    SluiceException e =
        assertRefused(
            "SELECT user_id FROM users EXCEPT SELECT user_id FROM events",
            APPEND,
            "STREAMING_UNSUPPORTED_OPERATION.EXCEPT_STREAM_ON_RIGHT");
    assertThat(e.getMessage())
        .contains("Except on a streaming DataFrame/Dataset on the right is not supported");
    assertRefused(
        "SELECT user_id FROM events EXCEPT SELECT ad_id FROM clicks",
        APPEND,
        "STREAMING_UNSUPPORTED_OPERATION.EXCEPT_STREAM_ON_RIGHT");
    for (String q :
        List.of(
            "SELECT user_id FROM events INTERSECT SELECT user_id FROM users",
            "SELECT user_id FROM users INTERSECT SELECT user_id FROM events",
            "SELECT user_id FROM events INTERSECT SELECT ad_id FROM clicks")) {
      SluiceException i = assertRefused(q, APPEND, "STREAMING_UNSUPPORTED_OPERATION.INTERSECT");
      assertThat(i.getMessage())
          .contains("Intersect of streaming DataFrames/Datasets is not supported");
    }
  }

  @Test
  void monotonicallyIncreasingIdIsRefusedOnStreams() {
    SluiceException e =
        assertRefused(
            session.table("events").select(col("event_id"), monotonically_increasing_id()),
            APPEND,
            "STREAMING_UNSUPPORTED_OPERATION.EXPRESSION");
    assertThat(e.getMessage())
        .contains(
            "Expression(s): monotonically_increasing_id() is not supported with streaming"
                + " DataFrames/Datasets");
  }

  @Test
  void windowFunctionsAreRefusedOnStreams() {
    LogicalPlan input = analyzed(session.table("events"));
    Expression rowNumber = ScalarFunction.of("row_number", List.of(), DataTypes.IntegerType, false);
    WindowExpression over =
        new WindowExpression(
            rowNumber,
            List.of(attribute(input, "user_id")),
            List.of(new SortOrder(attribute(input, "ts"), true, true)));
    LogicalPlan plan =
        new Project(List.of(attribute(input, "event_id"), Alias.of(over, "rn")), input);
    SluiceException e = assertRefused(plan, APPEND, "NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING");
    assertThat(e.getMessage())
        .startsWith(
            "[NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING] Window function is not supported in"
                + " ROW_NUMBER() (as column `rn`) on streaming DataFrames/Datasets.\n"
                + "Structured Streaming only supports time-window aggregation using the WINDOW"
                + " function. (window specification: (PARTITION BY USER_ID ORDER BY TS ASC NULLS"
                + " FIRST))");
    // The same over a static input is no streaming concern.
    LogicalPlan users = analyzed(session.table("users"));
    WindowExpression staticOver =
        new WindowExpression(rowNumber, List.of(attribute(users, "user_id")), List.of());
    StreamingWindowFunctions.check(new Project(List.of(Alias.of(staticOver, "rn")), users));
  }

  @Test
  void aWindowOperatorOverAStreamIsRefused() {
    LogicalPlan input = analyzed(session.table("events"));
    Alias rn =
        Alias.of(ScalarFunction.of("row_number", List.of(), DataTypes.IntegerType, false), "rn");
    assertRefused(
        new Window(List.of(rn), input), APPEND, "NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING");
  }

  @Test
  void dropDuplicatesWithinWatermarkNeedsAWatermark() {
    String error = "STREAMING_UNSUPPORTED_OPERATION.DEDUPLICATE_WITHIN_WATERMARK_WITHOUT_WATERMARK";
    SluiceException e =
        assertRefused(
            session.table("events").dropDuplicatesWithinWatermark("event_id"), APPEND, error);
    assertThat(e.getMessage())
        .contains(
            "dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets"
                + " without watermark");
    assertAccepted(session.table("events_wm").dropDuplicatesWithinWatermark("event_id"), APPEND);
    // It is a stateful operator: it may not follow an aggregation in update mode.
    DataFrame agg = session.sql("SELECT ts, count(*) AS c FROM events_wm GROUP BY ts");
    assertRefused(agg.dropDuplicatesWithinWatermark("c"), UPDATE, CORRECTNESS);
  }

  @Test
  void withWatermarkNeedsATimestampColumn() {
    DataFrame events = session.table("events");
    assertThatThrownBy(() -> events.withWatermark("event_id", "1 minute"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "[EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time `event_id` has the invalid type"
                + " \"STRING\", but expected \"TIMESTAMP\". SQLSTATE: 42K09")
        .extracting(t -> ((SluiceException) t).getErrorClass())
        .isEqualTo("EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE");
    assertThatThrownBy(() -> stream("n BIGINT").withWatermark("n", "1 minute"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("\"BIGINT\"");
  }

  // --- helpers ---

  static AttributeReference attribute(LogicalPlan p, String name) {
    for (AttributeReference a : p.output()) {
      if (a.name().equals(name)) return a;
    }
    throw new IllegalArgumentException(name + " not in " + p.output());
  }

  private static Expression countStar() {
    return ((Alias)
            ((Aggregate) analyzed(session.sql("SELECT count(*) AS c FROM events")))
                .aggregateExpressions()
                .get(0))
        .child();
  }

  /** Stands for Spark's {@code Window} operator, which the checker recognises by name. */
  record Window(List<NamedExpression> windowExpressions, LogicalPlan child) implements UnaryNode {
    @Override
    public Window withChild(LogicalPlan c) {
      return new Window(windowExpressions, c);
    }

    @Override
    public List<AttributeReference> output() {
      List<AttributeReference> out = new ArrayList<>(child.output());
      for (NamedExpression e : windowExpressions) out.add(e.toAttribute());
      return out;
    }

    @Override
    public List<Expression> expressions() {
      return new ArrayList<>(windowExpressions);
    }

    @Override
    public String argString() {
      return LogicalPlan.bracket(windowExpressions);
    }
  }
}
