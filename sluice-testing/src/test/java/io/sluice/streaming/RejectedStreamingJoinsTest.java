package io.sluice.streaming;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import org.junit.jupiter.api.Test;

/** The join combinations Spark refuses on streams are refused when the query starts. */
class RejectedStreamingJoinsTest {
  private final Session session = TestSessions.shared();

  private DataFrame stream(String name, boolean watermark) {
    DataFrame df = MemoryStream.of(session, name + "_k STRING, " + name + "_ts TIMESTAMP").toDF();
    return watermark ? df.withWatermark(name + "_ts", "10 minutes") : df;
  }

  private DataFrame table(String name) {
    return session.createDataFrame(
        java.util.List.of(),
        io.sluice.types.StructType.fromDDL(name + "_k STRING, " + name + "_ts TIMESTAMP"));
  }

  private static io.sluice.Column eq(DataFrame l, String lk, DataFrame r, String rk) {
    return l.col(lk).equalTo(r.col(rk));
  }

  @Test
  void streamStaticJoinsWithTheStreamOnTheNullSideAreRefused() {
    DataFrame s = stream("s", false);
    DataFrame t = table("t");
    StreamTest.of(s.join(t, eq(s, "s_k", t, "t_k"), "full_outer"), OutputMode.Append())
        .expectFailure("STREAMING_UNSUPPORTED_OPERATION.JOIN_STREAMING_SIDE")
        .run();
    StreamTest.of(t.join(s, eq(t, "t_k", s, "s_k"), "left_outer"), OutputMode.Append())
        .expectFailure("STREAMING_UNSUPPORTED_OPERATION.JOIN_STREAMING_SIDE")
        .run();
    StreamTest.of(s.join(t, eq(s, "s_k", t, "t_k"), "right_outer"), OutputMode.Append())
        .expectFailure("STREAMING_UNSUPPORTED_OPERATION.JOIN_STREAMING_SIDE")
        .run();
    StreamTest.of(t.join(s, eq(t, "t_k", s, "s_k"), "left_semi"), OutputMode.Append())
        .expectFailure("STREAMING_UNSUPPORTED_OPERATION.JOIN_STREAMING_SIDE")
        .run();
  }

  @Test
  void outerJoinsOfStreamsNeedWatermarksAndAppendMode() {
    DataFrame a = stream("a", false);
    DataFrame b = stream("b", false);
    StreamTest.of(a.join(b, eq(a, "a_k", b, "b_k"), "left_outer"), OutputMode.Append())
        .expectFailure("STREAMING_UNSUPPORTED_OPERATION.STREAM_STREAM_JOIN_WITHOUT_WATERMARK")
        .run();
    DataFrame wa = stream("wa", true);
    DataFrame wb = stream("wb", true);
    io.sluice.Column cond =
        eq(wa, "wa_k", wb, "wb_k")
            .and(wb.col("wb_ts").geq(wa.col("wa_ts")))
            .and(
                wb.col("wb_ts")
                    .leq(wa.col("wa_ts").plus(io.sluice.functions.expr("INTERVAL 5 MINUTES"))));
    StreamTest.of(wa.join(wb, cond, "left_outer"), OutputMode.Update())
        .expectFailure("STREAMING_UNSUPPORTED_OPERATION.JOIN_OUTPUT_MODE")
        .run();
  }

  @Test
  void twoStreamsNeedAnEqualityToJoin() {
    DataFrame a = stream("a", true);
    DataFrame b = stream("b", true);
    StreamTest.of(a.join(b, a.col("a_ts").lt(b.col("b_ts")), "inner"), OutputMode.Append())
        .expectFailure("STREAMING_UNSUPPORTED_OPERATION.STREAM_STREAM_JOIN_WITHOUT_EQUALITY")
        .run();
  }
}
