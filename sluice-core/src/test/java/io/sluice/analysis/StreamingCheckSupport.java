package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.config.SQLConf;
import io.sluice.error.SluiceException;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A session with streaming views {@code events}, {@code events_wm} (watermark on {@code ts}),
 * {@code clicks}, {@code clicks_wm}, {@code impressions_wm} and the static view {@code users}, and
 * assertions on {@link UnsupportedOperationChecker}.
 */
abstract class StreamingCheckSupport {
  static final String EVENTS = "event_id STRING, user_id STRING, event_type STRING, ts TIMESTAMP";
  static final String CLICKS = "click_id STRING, ad_id STRING, ts TIMESTAMP";

  static Session session;

  @BeforeAll
  static void startSession() {
    session = Session.builder().master("local[1]").create();
    stream(EVENTS).createOrReplaceTempView("events");
    stream(EVENTS).withWatermark("ts", "10 minutes").createOrReplaceTempView("events_wm");
    stream(CLICKS).createOrReplaceTempView("clicks");
    stream(CLICKS).withWatermark("ts", "10 minutes").createOrReplaceTempView("clicks_wm");
    stream("imp_id STRING, ad_id STRING, ts TIMESTAMP")
        .withWatermark("ts", "10 minutes")
        .createOrReplaceTempView("impressions_wm");
    batch("user_id STRING, name STRING").createOrReplaceTempView("users");
  }

  @AfterAll
  static void stopSession() {
    session.stop();
  }

  static DataFrame stream(String schema) {
    return MemoryStream.of(session, schema).toDF();
  }

  static DataFrame batch(String schema) {
    return session.createDataFrame(List.of(), StructType.fromDDL(schema));
  }

  static LogicalPlan analyzed(DataFrame df) {
    return df.queryExecution().analyzed();
  }

  static void assertAccepted(String sql, OutputMode mode) {
    assertAccepted(session.sql(sql), mode);
  }

  static void assertAccepted(DataFrame df, OutputMode mode) {
    UnsupportedOperationChecker.checkForStreaming(analyzed(df), mode);
  }

  static SluiceException assertRefused(String sql, OutputMode mode, String errorClass) {
    return assertRefused(analyzed(session.sql(sql)), mode, errorClass);
  }

  static SluiceException assertRefused(DataFrame df, OutputMode mode, String errorClass) {
    return assertRefused(analyzed(df), mode, errorClass);
  }

  static SluiceException assertRefused(LogicalPlan plan, OutputMode mode, String errorClass) {
    return assertRefused(plan, mode, null, errorClass);
  }

  static SluiceException assertRefused(
      LogicalPlan plan, OutputMode mode, SQLConf conf, String errorClass) {
    Throwable t =
        catchThrowable(() -> UnsupportedOperationChecker.checkForStreaming(plan, mode, conf));
    assertThat(t).as("refused in %s mode:%n%s", mode, plan.treeString()).isNotNull();
    assertThat(t).isInstanceOf(AnalysisException.class);
    SluiceException e = (SluiceException) t;
    assertThat(e.getErrorClass()).as(e.getMessage()).isEqualTo(errorClass);
    return e;
  }
}
