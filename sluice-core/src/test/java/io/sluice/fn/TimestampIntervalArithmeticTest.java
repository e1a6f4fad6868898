package io.sluice.fn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Timestamps and dates plus or minus day-time intervals, as Spark's TimeAdd. */
class TimestampIntervalArithmeticTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[1]").config("sluice.sql.session.timeZone", "UTC").create();
    session
        .sql("SELECT TIMESTAMP '2026-01-01 10:00:00' AS ts, DATE '2026-01-01' AS d")
        .createOrReplaceTempView("t");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void timestampPlusAndMinusIntervals() {
    DataFrame df =
        session.sql(
            "SELECT ts - INTERVAL 5 MINUTES AS a, ts + INTERVAL '1:30'"
                + " MINUTE TO SECOND AS b, INTERVAL 1 HOUR + ts AS c, d + INTERVAL 2 HOURS AS e FROM t");
    assertThat(df.schema().fields())
        .allSatisfy(f -> assertThat(f.dataType()).isEqualTo(DataTypes.TimestampType));
    List<Row> rows =
        df.selectExpr(
                "CAST(a AS STRING)", "CAST(b AS STRING)", "CAST(c AS STRING)", "CAST(e AS STRING)")
            .collectAsList();
    assertThat(rows.get(0).toString())
        .isEqualTo(
            "[2026-01-01 09:55:00,2026-01-01 10:01:30,2026-01-01 11:00:00,"
                + "2026-01-01 02:00:00]");
  }

  @Test
  void generatedNamesPutTheTimestampFirst() {
    assertThat(session.sql("SELECT INTERVAL 5 MINUTES + ts FROM t").columns()[0])
        .startsWith("ts + INTERVAL '");
  }

  @Test
  void intervalMinusTimestampIsRejected() {
    assertThatThrownBy(() -> session.sql("SELECT INTERVAL 5 MINUTES - ts FROM t"))
        .isInstanceOf(AnalysisException.class);
  }
}
