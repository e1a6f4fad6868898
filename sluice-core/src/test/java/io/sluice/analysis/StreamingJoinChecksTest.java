package io.sluice.analysis;

import static io.sluice.streaming.OutputMode.APPEND;
import static io.sluice.streaming.OutputMode.COMPLETE;
import static io.sluice.streaming.OutputMode.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.error.SluiceException;
import io.sluice.streaming.OutputMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spark's rules for joins in streaming queries: which side may stream per join type, the output
 * modes of stream-stream joins, and the watermark an outer or semi join of streams needs.
 */
class StreamingJoinChecksTest extends StreamingCheckSupport {
  private static final String SIDE = "STREAMING_UNSUPPORTED_OPERATION.JOIN_STREAMING_SIDE";
  private static final String MODE = "STREAMING_UNSUPPORTED_OPERATION.JOIN_OUTPUT_MODE";
  private static final String NO_WATERMARK =
      "STREAMING_UNSUPPORTED_OPERATION.STREAM_STREAM_JOIN_WITHOUT_WATERMARK";
  private static final String NO_EQUALITY =
      "STREAMING_UNSUPPORTED_OPERATION.STREAM_STREAM_JOIN_WITHOUT_EQUALITY";

  /** Impressions joined with the clicks within 5 minutes after them. */
  private static final String IN_RANGE =
      " ON i.ad_id = c.ad_id AND c.ts BETWEEN i.ts AND i.ts + INTERVAL 5 MINUTES";

  private static String streamStatic(String type) {
    return "SELECT * FROM events e " + type + " users u ON e.user_id = u.user_id";
  }

  private static String staticStream(String type) {
    return "SELECT * FROM users u " + type + " events e ON e.user_id = u.user_id";
  }

  private static String impressionsClicks(String type, String condition) {
    return "SELECT * FROM impressions_wm i " + type + " clicks_wm c" + condition;
  }

  @Test
  void innerJoinsOfAStreamAndAStaticTableRunEitherWay() {
    for (OutputMode mode : List.of(APPEND, UPDATE)) {
      assertAccepted(streamStatic("JOIN"), mode);
      assertAccepted(staticStream("JOIN"), mode);
      assertAccepted("SELECT * FROM events CROSS JOIN users", mode);
    }
  }

  @Test
  void outerJoinsKeepTheStreamOnThePreservedSide() {
    assertAccepted(streamStatic("LEFT OUTER JOIN"), APPEND);
    assertAccepted(staticStream("RIGHT OUTER JOIN"), APPEND);
    SluiceException left = assertRefused(staticStream("LEFT OUTER JOIN"), APPEND, SIDE);
    assertThat(left.getMessage())
        .contains(
            "LeftOuter join with a streaming DataFrame/Dataset on the right and a static"
                + " DataFrame/Dataset on the left is not supported");
    SluiceException right = assertRefused(streamStatic("RIGHT OUTER JOIN"), APPEND, SIDE);
    assertThat(right.getMessage())
        .contains(
            "RightOuter join with a streaming DataFrame/Dataset on the left and a static"
                + " DataFrame/Dataset on the right is not supported");
  }

  @Test
  void fullOuterJoinsOfAStreamAndAStaticTableAreRefused() {
    assertThat(assertRefused(streamStatic("FULL OUTER JOIN"), APPEND, SIDE).getMessage())
        .contains("FullOuter join with a streaming DataFrame/Dataset on the left");
    assertThat(assertRefused(staticStream("FULL OUTER JOIN"), APPEND, SIDE).getMessage())
        .contains("FullOuter join with a streaming DataFrame/Dataset on the right");
  }

  @Test
  void semiAndAntiJoinsNeedAStaticRightSide() {
    assertAccepted(streamStatic("LEFT SEMI JOIN"), APPEND);
    assertAccepted(streamStatic("LEFT ANTI JOIN"), APPEND);
    assertThat(assertRefused(staticStream("LEFT SEMI JOIN"), APPEND, SIDE).getMessage())
        .contains("LeftSemi join with a streaming DataFrame/Dataset on the right");
    assertThat(assertRefused(staticStream("LEFT ANTI JOIN"), APPEND, SIDE).getMessage())
        .contains("LeftAnti join with a streaming DataFrame/Dataset on the right");
    assertThat(
            assertRefused(impressionsClicks("LEFT ANTI JOIN", IN_RANGE), APPEND, SIDE).getMessage())
        .contains(
            "LeftAnti join with a streaming DataFrame/Dataset on the right and another"
                + " streaming DataFrame/Dataset on the left is not supported");
  }

  @Test
  void innerJoinsOfTwoStreamsNeedNoWatermarkAndRunInAppendAndUpdateMode() {
    String q = "SELECT * FROM events e JOIN clicks c ON e.user_id = c.ad_id";
    assertAccepted(q, APPEND);
    assertAccepted(q, UPDATE); // Spark 4.2 (SPARK-56384)
    SluiceException e =
        assertRefused(
            "SELECT e.user_id, count(*) FROM events e JOIN clicks c ON e.user_id = c.ad_id"
                + " GROUP BY e.user_id",
            COMPLETE,
            MODE);
    assertThat(e.getMessage())
        .contains(
            "Inner join between two streaming DataFrames/Datasets is not supported in Complete"
                + " output mode");
  }

  @Test
  void outerJoinsOfTwoStreamsRunInAppendModeOnly() {
    for (String type : List.of("LEFT OUTER JOIN", "RIGHT OUTER JOIN", "FULL OUTER JOIN")) {
      String q = impressionsClicks(type, IN_RANGE + " AND c.ts >= i.ts - INTERVAL 5 MINUTES");
      assertAccepted(q, APPEND);
      SluiceException e = assertRefused(q, UPDATE, MODE);
      assertThat(e.getMessage())
          .contains(
              "join between two streaming DataFrames/Datasets is not supported in Update output"
                  + " mode, only in Append output mode");
    }
    assertAccepted(impressionsClicks("LEFT SEMI JOIN", IN_RANGE), UPDATE);
  }

  @Test
  void anOuterJoinOfStreamsWithoutWatermarkIsRefused() {
    SluiceException e =
        assertRefused(
            "SELECT i.imp_id, c.click_id FROM impressions_wm i LEFT OUTER JOIN clicks c"
                + " ON i.ad_id = c.ad_id",
            APPEND,
            NO_WATERMARK);
    assertThat(e.getMessage())
        .contains(
            "Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not"
                + " supported without a watermark in the join keys, or a watermark on the nullable"
                + " side and an appropriate range condition");
    assertRefused(
        impressionsClicks("FULL OUTER JOIN", " ON i.ad_id = c.ad_id"), APPEND, NO_WATERMARK);
    assertRefused(
        impressionsClicks("LEFT SEMI JOIN", " ON i.ad_id = c.ad_id"), APPEND, NO_WATERMARK);
  }

  @Test
  void aRangeConditionMustBoundThePreservedSideByTheNullableSidesWatermark() {
    // c.ts <= i.ts + 5 minutes bounds i.ts from below by the clicks' watermark.
    assertAccepted(impressionsClicks("LEFT OUTER JOIN", IN_RANGE), APPEND);
    assertAccepted(
        impressionsClicks(
            "LEFT OUTER JOIN", " ON i.ad_id = c.ad_id AND i.ts + INTERVAL 5 MINUTES >= c.ts"),
        APPEND);
    // Only a lower bound of the clicks: nothing bounds the impressions kept in state.
    assertRefused(
        impressionsClicks("LEFT OUTER JOIN", " ON i.ad_id = c.ad_id AND c.ts >= i.ts"),
        APPEND,
        NO_WATERMARK);
    // The mirror image works for a right outer join.
    assertAccepted(
        impressionsClicks("RIGHT OUTER JOIN", " ON i.ad_id = c.ad_id AND c.ts >= i.ts"), APPEND);
    assertRefused(
        impressionsClicks(
            "RIGHT OUTER JOIN", " ON i.ad_id = c.ad_id AND c.ts <= i.ts + INTERVAL 5 MINUTES"),
        APPEND,
        NO_WATERMARK);
    // A full outer join needs one of the two.
    assertAccepted(impressionsClicks("FULL OUTER JOIN", IN_RANGE), APPEND);
  }

  @Test
  void theNullableSideMustHaveTheWatermark() {
    String range = " ON i.ad_id = c.ad_id AND c.ts BETWEEN i.ts AND i.ts + INTERVAL 5 MINUTES";
    // Watermark on the impressions (preserved) side only.
    assertRefused(
        "SELECT * FROM impressions_wm i LEFT OUTER JOIN clicks c" + range, APPEND, NO_WATERMARK);
    // Watermark on the clicks (nullable) side only.
    stream("imp_id STRING, ad_id STRING, ts TIMESTAMP").createOrReplaceTempView("impressions");
    assertAccepted("SELECT * FROM impressions i LEFT OUTER JOIN clicks_wm c" + range, APPEND);
  }

  @Test
  void aWatermarkedJoinKeyIsEnough() {
    assertAccepted(
        impressionsClicks("LEFT OUTER JOIN", " ON i.ad_id = c.ad_id AND i.ts = c.ts"), APPEND);
    assertAccepted(
        "SELECT * FROM impressions_wm i FULL OUTER JOIN clicks c ON i.ts = c.ts", APPEND);
  }

  @Test
  void rangeConditionsMayCastAndUseSeveralConstants() {
    assertAccepted(
        impressionsClicks(
            "LEFT OUTER JOIN",
            " ON i.ad_id = c.ad_id AND CAST(c.ts AS BIGINT) - 60 < CAST(i.ts AS BIGINT) + 300"),
        APPEND);
    // Two columns of the preserved side in one bound cannot be solved.
    assertRefused(
        "SELECT * FROM impressions_wm i LEFT OUTER JOIN clicks_wm c"
            + " ON i.ad_id = c.ad_id"
            + " AND CAST(c.ts AS BIGINT) <= CAST(i.ts AS BIGINT) + CAST(i.imp_id AS BIGINT)",
        APPEND,
        NO_WATERMARK);
    // A bound by a function of the time is no range condition.
    assertRefused(
        impressionsClicks(
            "LEFT OUTER JOIN", " ON i.ad_id = c.ad_id AND c.ts <= greatest(i.ts, i.ts)"),
        APPEND,
        NO_WATERMARK);
  }

  @Test
  void twoStreamsNeedAnEqualityToJoin() {
    SluiceException e =
        assertRefused("SELECT * FROM events e JOIN clicks c ON e.ts < c.ts", APPEND, NO_EQUALITY);
    assertThat(e.getMessage())
        .contains("Stream-stream join without equality predicate is not supported");
    assertRefused("SELECT * FROM events CROSS JOIN clicks", APPEND, NO_EQUALITY);
    assertRefused(
        impressionsClicks("LEFT OUTER JOIN", " ON c.ts BETWEEN i.ts AND i.ts + INTERVAL 5 MINUTES"),
        APPEND,
        NO_EQUALITY);
  }

  @Test
  void aggregationsAfterAnInnerJoinOfStreamsPassTheCorrectnessCheck() {
    assertAccepted(
        "SELECT c.ts, count(*) FROM impressions_wm i JOIN clicks_wm c"
            + IN_RANGE
            + " GROUP BY c.ts",
        APPEND);
    assertAccepted(
        "SELECT c.ad_id, count(*) FROM impressions_wm i JOIN clicks_wm c"
            + IN_RANGE
            + " GROUP BY c.ad_id",
        UPDATE);
  }

  @Test
  void aJoinAfterAnUpdateModeAggregationFailsTheCorrectnessCheck() {
    SluiceException e =
        assertRefused(
            "SELECT * FROM events e JOIN"
                + " (SELECT ad_id, count(*) AS n FROM clicks GROUP BY ad_id) c"
                + " ON e.user_id = c.ad_id",
            UPDATE,
            "STREAMING_UNSUPPORTED_OPERATION.GLOBAL_WATERMARK_CORRECTNESS");
    assertThat(e.getMessage()).contains("(Join runs after Aggregate in Update output mode.)");
  }
}
