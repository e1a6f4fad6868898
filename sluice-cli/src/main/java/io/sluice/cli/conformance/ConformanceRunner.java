package io.sluice.cli.conformance;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.StateOperatorProgress;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.Trigger;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs streaming conformance scenarios (the format of the project's {@code conformance/} folders,
 * recorded from Apache Spark) and compares Sluice's output with Spark's: the rows of every step,
 * the watermark after each step, the rows dropped by the watermark, and the errors.
 *
 * <p>As Spark was driven: one session {@code local[2]}, two shuffle partitions, UTC; each streaming
 * view fed step by step (all views' files of a step in one micro-batch), the query run trigger by
 * trigger until a trigger finds nothing to do, its output captured with {@code foreachBatch}.
 */
public final class ConformanceRunner {
  private static final long TRIGGER_MS = 1000;
  private static final long TIMEOUT_MS = 60_000;

  /** The outcome of one scenario. */
  public record Result(String name, boolean passed, String detail) {}

  private ConformanceRunner() {}

  /** Every scenario folder under {@code dir} (or {@code dir} itself when it is one). */
  public static List<Result> runAll(Path dir) throws IOException {
    List<Path> scenarios = new ArrayList<>();
    if (Files.exists(dir.resolve("spec.json"))) {
      scenarios.add(dir);
    } else {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> Files.exists(p.resolve("spec.json"))).sorted().forEach(scenarios::add);
      }
    }
    List<Result> out = new ArrayList<>();
    for (Path p : scenarios) out.add(run(p));
    return out;
  }

  /** Runs one scenario folder. */
  public static Result run(Path dir) {
    return run(dir, -1);
  }

  /**
   * Runs one scenario folder, stopping the query and starting it again from its checkpoint before
   * step {@code restartBeforeStep} (none when negative): the output must be the same.
   */
  public static Result run(Path dir, int restartBeforeStep) {
    Scenario sc;
    try {
      sc = Scenario.load(dir);
    } catch (RuntimeException e) {
      return new Result(dir.getFileName().toString(), false, "cannot read the scenario: " + e);
    }
    Session session =
        Session.builder()
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .create();
    Path checkpoint = null;
    try {
      checkpoint = Files.createTempDirectory("sluice-conformance-");
      return new Execution(sc, session, checkpoint, restartBeforeStep).run();
    } catch (Exception e) {
      return new Result(sc.name(), false, "runner error: " + e);
    } finally {
      for (StreamingQuery q : session.streams().active()) q.stop();
      session.stop();
      if (checkpoint != null) deleteRecursively(checkpoint);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }

  /** One run of one scenario. */
  private static final class Execution {
    private final Scenario sc;
    private final Session session;
    private final Path checkpoint;
    private final Map<String, MemoryStream> streams = new LinkedHashMap<>();
    private final List<long[]> batchIds = new ArrayList<>();
    private final List<List<String>> batchRows = new ArrayList<>();
    private StructType outputSchema;

    private final int restartBeforeStep;

    Execution(Scenario sc, Session session, Path checkpoint, int restartBeforeStep) {
      this.restartBeforeStep = restartBeforeStep;
      this.sc = sc;
      this.session = session;
      this.checkpoint = checkpoint;
    }

    Result run() throws Exception {
      defineViews();
      DataFrame df;
      try {
        df = session.sql(sc.query());
      } catch (RuntimeException e) {
        return expectError("define", -1, e);
      }
      outputSchema = df.schema();
      StepClock clock = new StepClock();
      StreamingQuery[] query = new StreamingQuery[1];
      try {
        query[0] = start(df, clock);
      } catch (RuntimeException e) {
        return expectError("start", -1, e);
      }
      if (!clock.awaitQueryWaiting(TIMEOUT_MS, () -> !query[0].isActive())) {
        return fail("the query did not reach its first trigger");
      }
      for (int step = 0; step < sc.numSteps(); step++) {
        if (step == restartBeforeStep) {
          query[0].stop();
          query[0] = start(df, clock);
          if (!clock.awaitQueryWaiting(TIMEOUT_MS, () -> !query[0].isActive())) {
            return fail("the restarted query did not reach its first trigger");
          }
        }
        StreamingQuery q = query[0];
        int firstBatch = batchRows.size();
        boolean anyData = feed(step);
        if (anyData) {
          while (true) {
            int before = batchRows.size();
            if (!clock.tick(TIMEOUT_MS, () -> !q.isActive()))
              return fail("step " + step + " timed out");
            if (q.exception().isPresent())
              return expectError("run", step, q.exception().get().cause());
            if (!q.isActive()) return fail("the query stopped in step " + step);
            if (batchRows.size() == before) break;
          }
        }
        String mismatch = compareStep(step, firstBatch, q);
        if (mismatch != null) return fail(mismatch);
      }
      if (sc.expectedError() != null) {
        return fail(
            "Spark failed with " + sc.expectedError().get("errorClass") + " but Sluice did not");
      }
      query[0].stop();
      return new Result(sc.name(), true, "");
    }

    private StreamingQuery start(DataFrame df, StepClock clock) {
      return df.writeStream()
          .outputMode(sc.outputMode())
          .trigger(Trigger.ProcessingTime(TRIGGER_MS))
          .clock(clock)
          .option("checkpointLocation", checkpoint.toString())
          .foreachBatch(this::capture)
          .start();
    }

    private void defineViews() {
      for (Map.Entry<String, Scenario.Source> e : sc.sources().entrySet()) {
        Scenario.Source s = e.getValue();
        MemoryStream ms = MemoryStream.of(session, s.schema());
        streams.put(e.getKey(), ms);
        DataFrame df = ms.toDF();
        if (s.watermarkColumn() != null)
          df = df.withWatermark(s.watermarkColumn(), s.watermarkDelay());
        if (s.dropDuplicates() != null) df = df.dropDuplicates(s.dropDuplicates());
        if (s.dropDuplicatesWithinWatermark() != null) {
          df = dropWithinWatermark(df, s.dropDuplicatesWithinWatermark());
        }
        df.createOrReplaceTempView(e.getKey());
      }
      for (Map.Entry<String, Scenario.Static> e : sc.statics().entrySet()) {
        session
            .read()
            .schema(e.getValue().schema())
            .json(e.getValue().file().toString())
            .createOrReplaceTempView(e.getKey());
      }
    }

    private static DataFrame dropWithinWatermark(DataFrame df, List<String> cols) {
      try {
        return (DataFrame)
            DataFrame.class.getMethod("dropDuplicatesWithinWatermark", List.class).invoke(df, cols);
      } catch (ReflectiveOperationException e) {
        throw new UnsupportedOperationException(
            "dropDuplicatesWithinWatermark is not available", e);
      }
    }

    /** Adds each view's file of {@code step}; returns whether any view got rows. */
    private boolean feed(int step) {
      boolean any = false;
      for (Map.Entry<String, Scenario.Source> e : sc.sources().entrySet()) {
        List<Path> files = e.getValue().batches();
        if (step >= files.size() || !Files.exists(files.get(step))) continue;
        List<Row> rows =
            session
                .read()
                .schema(e.getValue().schema())
                .json(files.get(step).toString())
                .collectAsList();
        if (rows.isEmpty()) continue;
        streams.get(e.getKey()).addData(rows);
        any = true;
      }
      return any;
    }

    private void capture(DataFrame batch, long batchId) {
      List<String> rows = new ArrayList<>();
      for (Row r : batch.collectAsList()) rows.add(RowRenderer.render(r, outputSchema));
      synchronized (this) {
        batchIds.add(new long[] {batchId});
        batchRows.add(rows);
      }
    }

    private String compareStep(int step, int firstBatch, StreamingQuery q) {
      List<String> actual = new ArrayList<>();
      Set<Long> ids = new HashSet<>();
      for (int b = firstBatch; b < batchRows.size(); b++) {
        actual.addAll(batchRows.get(b));
        ids.add(batchIds.get(b)[0]);
      }
      actual.sort(null);
      List<String> expected =
          step < sc.expectedSteps().size()
              ? new ArrayList<>(sc.expectedSteps().get(step))
              : List.of();
      expected = new ArrayList<>(expected);
      expected.sort(null);
      if (!actual.equals(expected)) {
        return "step " + step + ": rows differ\n  expected " + expected + "\n  actual   " + actual;
      }
      if (step >= sc.expectedMetrics().size()) return null;
      Map<String, Object> m = sc.expectedMetrics().get(step);
      long dropped = 0;
      for (StreamingQueryProgress p : q.recentProgress()) {
        if (!ids.contains(p.batchId()) || p.sink().numOutputRows() < 0) continue;
        for (StateOperatorProgress s : p.stateOperators()) dropped += s.numRowsDroppedByWatermark();
      }
      Object expDropped = m.get("numRowsDroppedByWatermark");
      if (expDropped != null && ((Number) expDropped).longValue() != dropped) {
        return "step "
            + step
            + ": numRowsDroppedByWatermark expected "
            + expDropped
            + ", actual "
            + dropped;
      }
      Object expWm = m.get("watermark");
      if (expWm != null) {
        String actualWm = watermarkAfterStep();
        if (!expWm.equals(actualWm)) {
          return "step " + step + ": watermark expected " + expWm + ", actual " + actualWm;
        }
      }
      return null;
    }

    /** The watermark the next batch would use: the last commit's {@code nextBatchWatermarkMs}. */
    private String watermarkAfterStep() {
      Path commits = checkpoint.resolve("commits");
      long wm = 0;
      try (Stream<Path> s = Files.list(commits)) {
        long last = -1;
        for (Path p : s.toList()) {
          String n = p.getFileName().toString();
          if (n.chars().allMatch(Character::isDigit)) last = Math.max(last, Long.parseLong(n));
        }
        if (last >= 0) {
          String text = Files.readString(commits.resolve(Long.toString(last)));
          Object o = JsonTree.parse(text.substring(text.indexOf('\n') + 1));
          wm = ((Number) ((Map<?, ?>) o).get("nextBatchWatermarkMs")).longValue();
        }
      } catch (IOException e) {
        return "unreadable (" + e + ")";
      }
      return RowRenderer.timestamp(
          LocalDateTime.ofInstant(Instant.ofEpochMilli(wm), ZoneOffset.UTC));
    }

    private Result expectError(String phase, int step, Throwable e) {
      Map<String, Object> exp = sc.expectedError();
      String ours =
          e instanceof SluiceException s ? s.getErrorClass() : e.getClass().getSimpleName();
      if (exp == null) {
        return fail(phase + (step >= 0 ? " step " + step : "") + " failed unexpectedly: " + e);
      }
      if (!phase.equals(exp.get("phase"))) {
        return fail(
            "Spark failed in phase "
                + exp.get("phase")
                + ", Sluice in "
                + phase
                + ": "
                + e.getMessage());
      }
      if (step >= 0 && exp.get("step") != null && ((Number) exp.get("step")).intValue() != step) {
        return fail("Spark failed in step " + exp.get("step") + ", Sluice in step " + step);
      }
      String expClass = (String) exp.get("errorClass");
      if (expClass != null && !expClass.startsWith("_LEGACY_ERROR_TEMP")) {
        if (!expClass.equals(ours)) {
          return fail(
              "error class expected " + expClass + ", actual " + ours + ": " + e.getMessage());
        }
      } else {
        String reason = substance((String) exp.get("message"));
        if (!String.valueOf(e.getMessage()).contains(reason)) {
          return fail("error message should say \"" + reason + "\", actual: " + e.getMessage());
        }
      }
      return new Result(sc.name(), true, "");
    }

    /** The message without Spark's error-class prefix and trailing details. */
    private static String substance(String message) {
      String m = message == null ? "" : message;
      if (m.startsWith("[")) m = m.substring(m.indexOf(']') + 1).trim();
      int semi = m.indexOf(';');
      if (semi > 0) m = m.substring(0, semi);
      return m.trim();
    }

    private Result fail(String detail) {
      return new Result(sc.name(), false, detail);
    }
  }
}
