package io.sluice.connector.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.Trigger;
import io.sluice.streaming.runtime.StreamExecution;
import io.sluice.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsoleSinkTest {
  private static final String RULE = "-------------------------------------------\n";
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder()
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static String header(long batchId) {
    return RULE + "Batch: " + batchId + "\n" + RULE;
  }

  /** Output captured from console sinks started through {@link #start}. */
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private StreamingQuery start(DataFrame df, Map<String, String> options, String mode) {
    return start(df, options, mode, Trigger.ProcessingTime(0));
  }

  private StreamingQuery start(
      DataFrame df, Map<String, String> options, String mode, Trigger trigger) {
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    try (ConsoleSinkProvider.Redirect r = ConsoleSinkProvider.redirectOutput(out)) {
      return df.writeStream()
          .format("console")
          .options(options)
          .outputMode(mode)
          .trigger(trigger)
          .start();
    }
  }

  private String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsEachBatchUnderItsHeaderAsSparkDoes() {
    MemoryStream input = MemoryStream.of(session, "a INT, s STRING");
    StreamingQuery q = start(input.toDF(), Map.of(), "append");
    try {
      input.addData(RowFactory.create(1, "x"), RowFactory.create(null, "y"));
      q.processAllAvailable();
      input.addData(); // a batch without rows still prints its header and an empty table
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(output())
        .isEqualTo(
            header(0)
                + "+----+---+\n"
                + "|   a|  s|\n"
                + "+----+---+\n"
                + "|   1|  x|\n"
                + "|NULL|  y|\n"
                + "+----+---+\n"
                + "\n"
                + header(1)
                + "+---+---+\n"
                + "|  a|  s|\n"
                + "+---+---+\n"
                + "+---+---+\n"
                + "\n");
  }

  @Test
  void numRowsAndTruncateShapeTheTable() {
    MemoryStream input = MemoryStream.of(session, "s STRING");
    String longText = "a value much longer than twenty characters";
    StreamingQuery cut = start(input.toDF(), Map.of("numRows", "1"), "append");
    try {
      input.addData(RowFactory.create(longText), RowFactory.create("b"));
      cut.processAllAvailable();
    } finally {
      cut.stop();
    }
    assertThat(output())
        .isEqualTo(
            header(0)
                + "+--------------------+\n"
                + "|                   s|\n"
                + "+--------------------+\n"
                + "|a value much long...|\n"
                + "+--------------------+\n"
                + "only showing top 1 row\n"
                + "\n");
    captured.reset();
    StreamingQuery whole = start(input.toDF(), Map.of("truncate", "false"), "append");
    try {
      whole.processAllAvailable();
    } finally {
      whole.stop();
    }
    String dashes = "-".repeat(longText.length());
    assertThat(output())
        .isEqualTo(
            header(0)
                + "+"
                + dashes
                + "+\n"
                + "|s"
                + " ".repeat(longText.length() - 1)
                + "|\n"
                + "+"
                + dashes
                + "+\n"
                + "|"
                + longText
                + "|\n"
                + "|b"
                + " ".repeat(longText.length() - 1)
                + "|\n"
                + "+"
                + dashes
                + "+\n"
                + "\n");
  }

  @Test
  void rowsFollowPartitionOrderAndTimestampsTheSessionZone() {
    DataFrame rate =
        session
            .readStream()
            .format("rate-micro-batch")
            .option("rowsPerBatch", 5)
            .option("numPartitions", 2)
            .option("startTimestamp", 1000)
            .load();
    // update mode: as append for a query without aggregation
    start(rate, Map.of("numRows", "3"), "update", Trigger.AvailableNow()).awaitTermination();
    // value v is in partition v % 2: partition 0 holds 0, 2 and 4, partition 1 holds 1 and 3
    String first =
        header(0)
            + "+-------------------+-----+\n"
            + "|          timestamp|value|\n"
            + "+-------------------+-----+\n"
            + "|1970-01-01 00:00:01|    0|\n"
            + "|1970-01-01 00:00:01|    2|\n"
            + "|1970-01-01 00:00:01|    4|\n"
            + "+-------------------+-----+\n"
            + "only showing top 3 rows\n"
            + "\n";
    assertThat(output()).isEqualTo(first);
  }

  @Test
  void aTemporaryCheckpointIsAllowedAndDeletedOnStop() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery q = start(input.toDF(), Map.of(), "append");
    Path checkpoint = ((StreamExecution) q).checkpointLocation();
    input.addData(RowFactory.create(1));
    q.processAllAvailable();
    assertThat(Files.exists(checkpoint.resolve("commits/0"))).isTrue();
    q.stop();
    assertThat(Files.exists(checkpoint)).isFalse();
  }

  @Test
  void badOptionsAreNamed() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    assertThatThrownBy(() -> start(input.toDF(), Map.of("numRows", "all"), "append"))
        .satisfies(e -> assertOption(e, "numRows", "all"));
    assertThatThrownBy(() -> start(input.toDF(), Map.of("truncate", "yes"), "append"))
        .satisfies(e -> assertOption(e, "truncate", "yes"));
  }

  private static void assertOption(Throwable e, String option, String value) {
    SluiceException s = (SluiceException) e;
    assertThat(s.getErrorClass()).isEqualTo("STREAMING_SINK_OPTION_INVALID");
    assertThat(s.getMessageParameters())
        .containsEntry("option", option)
        .containsEntry("value", value)
        .containsEntry("format", "console");
  }

  @Test
  void everyOutputModeIsAccepted() {
    ConsoleSinkProvider provider = new ConsoleSinkProvider();
    assertThat(provider.allowsTemporaryCheckpoint()).isTrue();
    for (OutputMode mode : OutputMode.values()) {
      assertThat(
              provider.createSink(
                  Map.of(),
                  StructType.fromDDL("a INT"),
                  List.of(),
                  mode,
                  new io.sluice.connector.SinkContext(
                      io.sluice.SessionInternals.conf(session), null, "/tmp/unused")))
          .isInstanceOf(ConsoleSink.class);
    }
  }
}
