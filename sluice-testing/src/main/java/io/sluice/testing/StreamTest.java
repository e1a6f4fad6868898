package io.sluice.testing;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.Trigger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A streaming query test that reads like a story, as Spark's {@code StreamTest}: start a query over
 * {@link MemoryStream}s, add data, check the answer, advance a {@link ManualClock}, stop, restart
 * from the same checkpoint, check again, expect a failure.
 *
 * <pre>{@code
 * StreamTest.of(input.toDF().filter(col("a").gt(1)), OutputMode.Append())
 *     .addData(input, row(1), row(2))
 *     .checkAnswer(row(2))
 *     .stopStream()
 *     .addData(input, row(3))
 *     .startStream()                      // the same checkpoint: resumes after batch 0
 *     .checkNewAnswer(row(3))
 *     .run();
 * }</pre>
 *
 * <p>The builder methods only record actions; {@link #run()} executes them in order. The query
 * starts before the first action unless a {@link #startStream()} comes before any action that needs
 * a query (so data can be added before the start). Its output goes to a {@link StreamTestSink}
 * owned by this test, which keeps its rows across restarts. Checks first let the query settle: with
 * the default trigger they wait until everything available is processed, with {@code Once}/{@code
 * AvailableNow} until the query stopped by itself, and with a processing-time trigger on a manual
 * clock until the query waits for the clock again. A failing step throws an {@link AssertionError}
 * with the action list ({@code =>} on the failing step), the committed offsets, the watermark, the
 * sink's contents, the physical plan and the state metrics.
 *
 * <p>With the default trigger a batch may start between two {@code addData} steps. To put data of
 * several streams into one batch, use {@code trigger(Trigger.ProcessingTime(...))} with a {@link
 * ManualClock}: data added while the query waits for the clock all goes into the batch the next
 * {@link #advanceClock} starts.
 */
public final class StreamTest {
  /** A check or action on the query; may throw anything. */
  @FunctionalInterface
  public interface QueryCheck {
    void accept(StreamingQuery query) throws Exception;
  }

  final DataFrame df;
  final OutputMode outputMode;
  final StreamTestSink sink;
  final List<StreamAction> actions = new ArrayList<>();
  final Map<String, String> conf = new LinkedHashMap<>();
  Trigger trigger = Trigger.ProcessingTime(0);
  Path checkpoint;
  ManualClock clock;
  String queryName;
  long timeoutMs = 30_000;
  String sinkFormat;
  Map<String, String> sinkOptions = Map.of();

  private StreamTest(DataFrame df, OutputMode outputMode) {
    if (!df.isStreaming()) {
      throw new IllegalArgumentException("StreamTest needs a streaming DataFrame");
    }
    this.df = df;
    this.outputMode = Objects.requireNonNull(outputMode, "outputMode");
    this.sink = new StreamTestSink(outputMode);
  }

  /** A test of the streaming query {@code df} written in {@code outputMode}. */
  public static StreamTest of(DataFrame df, OutputMode outputMode) {
    return new StreamTest(df, outputMode);
  }

  // ---- options (apply to the whole test) ----

  /** The trigger of the first start (the default trigger otherwise). */
  public StreamTest trigger(Trigger trigger) {
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    return this;
  }

  /** The checkpoint directory; a temporary one, deleted after the test, otherwise. */
  public StreamTest checkpoint(Path dir) {
    this.checkpoint = dir;
    return this;
  }

  /** The clock the query runs by; needed by {@link #advanceClock}. */
  public StreamTest clock(ManualClock clock) {
    this.clock = clock;
    return this;
  }

  public StreamTest queryName(String name) {
    this.queryName = name;
    return this;
  }

  /** A session option in force when the query starts (the session's value is restored after). */
  public StreamTest conf(String key, String value) {
    conf.put(key, value);
    return this;
  }

  /** How long a step may wait for the query (30 seconds by default). */
  public StreamTest timeout(Duration timeout) {
    this.timeoutMs = timeout.toMillis();
    return this;
  }

  /**
   * The query writes to the sink {@code format} with {@code options} instead of the test's own
   * sink, for tests of a connector's sink. The answer checks then see no rows: check the
   * destination with {@link #assertQuery} or {@link #execute} steps.
   */
  public StreamTest writeTo(String format, Map<String, String> options) {
    this.sinkFormat = Objects.requireNonNull(format, "format");
    this.sinkOptions = Map.copyOf(options);
    return this;
  }

  // ---- actions ----

  /** Adds the rows to {@code stream} as one block. */
  public StreamTest addData(MemoryStream stream, Row... rows) {
    return addData(stream, Arrays.asList(rows));
  }

  public StreamTest addData(MemoryStream stream, List<Row> rows) {
    return add(new StreamAction.AddData(stream, List.copyOf(rows)));
  }

  /** Lets the query settle (see the class comment) without checking anything. */
  public StreamTest processAllAvailable() {
    return add(new StreamAction.ProcessAllAvailable());
  }

  /**
   * The sink holds exactly these rows, in any order: every batch's rows in append and update mode,
   * the last batch's in complete mode.
   */
  public StreamTest checkAnswer(Row... expected) {
    return checkAnswer(Arrays.asList(expected));
  }

  public StreamTest checkAnswer(List<Row> expected) {
    return add(new StreamAction.CheckAnswer(StreamAction.Scope.ALL, List.copyOf(expected)));
  }

  /** The batches since the last check together hold exactly these rows, in any order. */
  public StreamTest checkNewAnswer(Row... expected) {
    return add(new StreamAction.CheckAnswer(StreamAction.Scope.NEW, List.of(expected)));
  }

  /** The last batch the sink received holds exactly these rows, in any order. */
  public StreamTest checkLastBatch(Row... expected) {
    return add(new StreamAction.CheckAnswer(StreamAction.Scope.LAST_BATCH, List.of(expected)));
  }

  /**
   * Advances the manual clock by {@code millis}, after waiting until the query waits for it (so a
   * running trigger never sees the clock jump).
   */
  public StreamTest advanceClock(long millis) {
    return add(new StreamAction.AdvanceClock(millis));
  }

  /** Stops the query; the sink and the checkpoint stay. */
  public StreamTest stopStream() {
    return add(new StreamAction.StopStream());
  }

  /** Starts the query from the same checkpoint with the last trigger used. */
  public StreamTest startStream() {
    return add(new StreamAction.StartStream(null));
  }

  /** Starts the query from the same checkpoint with {@code trigger}. */
  public StreamTest startStream(Trigger trigger) {
    return add(new StreamAction.StartStream(Objects.requireNonNull(trigger, "trigger")));
  }

  /**
   * The query fails (or failed to start) with an error of this class, e.g. {@code
   * CHECKPOINT_FILE_CORRUPT}, anywhere in the chain of causes.
   */
  public StreamTest expectFailure(String errorClass) {
    return expectFailure(errorClass, null);
  }

  /** As {@link #expectFailure(String)}, and some error of the chain mentions {@code fragment}. */
  public StreamTest expectFailure(String errorClass, String fragment) {
    return add(new StreamAction.ExpectFailure(errorClass, null, fragment));
  }

  /** The query fails with an error of {@code type} in the chain of causes mentioning fragment. */
  public StreamTest expectFailure(Class<? extends Throwable> type, String fragment) {
    return add(new StreamAction.ExpectFailure(null, type, fragment));
  }

  /**
   * The next batch the sink receives fails ({@link IllegalStateException}); with {@code afterWrite}
   * the sink keeps its rows first, as a sink that wrote but did not see the commit.
   */
  public StreamTest injectSinkFailure(boolean afterWrite) {
    return add(new StreamAction.InjectSinkFailure(afterWrite));
  }

  /** Waits until the query stopped by itself ({@code Once}, {@code AvailableNow}) without error. */
  public StreamTest awaitTermination() {
    return add(new StreamAction.AwaitTermination());
  }

  /** Runs {@code check} with the last progress (fails when there is none). */
  public StreamTest assertLastProgress(Consumer<StreamingQueryProgress> check) {
    return add(new StreamAction.AssertLastProgress(check));
  }

  /** Runs {@code check} with the query, after letting it settle. */
  public StreamTest assertQuery(QueryCheck check) {
    return add(new StreamAction.AssertQuery("AssertQuery", check, true));
  }

  /**
   * Runs {@code action} with the current (possibly stopped) query, or null before the first start,
   * without waiting for it: e.g. to change checkpoint files while the query is stopped.
   */
  public StreamTest execute(QueryCheck action) {
    return add(new StreamAction.AssertQuery("Execute", action, false));
  }

  /** The sink of the query's output. */
  public StreamTestSink sink() {
    return sink;
  }

  /** Executes the actions; throws an {@link AssertionError} with a report at the first failure. */
  public void run() {
    new StreamTestRun(this).run();
  }

  private StreamTest add(StreamAction action) {
    actions.add(action);
    return this;
  }
}
