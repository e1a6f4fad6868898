package io.sluice.testing;

import io.sluice.Row;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.Trigger;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** One step of a {@link StreamTest}; its {@code toString} is the line of the failure report. */
sealed interface StreamAction {

  /** Whether the step needs a running (or at least started) query. */
  default boolean needsQuery() {
    return true;
  }

  record StartStream(Trigger trigger) implements StreamAction {
    @Override
    public String toString() {
      return "StartStream(" + (trigger == null ? "" : "trigger = " + describe(trigger)) + ")";
    }
  }

  record StopStream() implements StreamAction {
    @Override
    public String toString() {
      return "StopStream";
    }
  }

  record AddData(MemoryStream stream, List<Row> rows) implements StreamAction {
    @Override
    public boolean needsQuery() {
      return false;
    }

    @Override
    public String toString() {
      return "AddData to " + stream + ": " + rowsText(rows);
    }
  }

  record ProcessAllAvailable() implements StreamAction {
    @Override
    public String toString() {
      return "ProcessAllAvailable";
    }
  }

  /** Which rows a check compares. */
  enum Scope {
    ALL("CheckAnswer"),
    NEW("CheckNewAnswer"),
    LAST_BATCH("CheckLastBatch");

    final String label;

    Scope(String label) {
      this.label = label;
    }
  }

  record CheckAnswer(Scope scope, List<Row> expected) implements StreamAction {
    @Override
    public String toString() {
      return scope.label + ": " + rowsText(expected);
    }
  }

  record AdvanceClock(long millis) implements StreamAction {
    @Override
    public String toString() {
      return "AdvanceClock(" + millis + " ms)";
    }
  }

  record ExpectFailure(String errorClass, Class<? extends Throwable> type, String fragment)
      implements StreamAction {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("ExpectFailure(");
      if (errorClass != null) sb.append(errorClass);
      if (type != null) sb.append(type.getSimpleName());
      if (fragment != null) sb.append(", \"").append(fragment).append('"');
      return sb.append(')').toString();
    }
  }

  record InjectSinkFailure(boolean afterWrite) implements StreamAction {
    @Override
    public boolean needsQuery() {
      return false;
    }

    @Override
    public String toString() {
      return "InjectSinkFailure(" + (afterWrite ? "after" : "before") + " writing the next batch)";
    }
  }

  record AwaitTermination() implements StreamAction {
    @Override
    public String toString() {
      return "AwaitTermination";
    }
  }

  record AssertLastProgress(Consumer<StreamingQueryProgress> check) implements StreamAction {
    @Override
    public String toString() {
      return "AssertLastProgress";
    }
  }

  record AssertQuery(String label, StreamTest.QueryCheck check, boolean query)
      implements StreamAction {
    @Override
    public boolean needsQuery() {
      return query;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static String rowsText(List<Row> rows) {
    if (rows.isEmpty()) return "(no rows)";
    return rows.stream().map(Row::toString).collect(Collectors.joining(", "));
  }

  static String describe(Trigger t) {
    if (t instanceof Trigger.ProcessingTimeTrigger p) {
      return "ProcessingTime(" + p.intervalMs() + " ms)";
    } else if (t instanceof Trigger.ContinuousTrigger c) {
      return "Continuous(" + c.intervalMs() + " ms)";
    }
    return t instanceof Trigger.OnceTrigger ? "Once" : "AvailableNow";
  }
}
