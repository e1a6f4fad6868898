package io.sluice.testing;

import io.sluice.streaming.SourceProgress;
import io.sluice.streaming.StateOperatorProgress;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.checkpoint.CommitLog;
import io.sluice.streaming.checkpoint.OffsetLog;
import io.sluice.streaming.checkpoint.OffsetSeq;
import io.sluice.streaming.runtime.StreamExecution;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The failure report of a {@link StreamTest}: the actions with {@code =>} on the failing one, the
 * error, the query, the committed offsets and watermark (from the checkpoint), the sink's contents,
 * the physical plan and the state metrics of the last progress.
 */
final class StreamTestReport {
  private final StreamTest test;
  private final List<StreamAction> steps;
  private final int failedStep;
  private final Path checkpoint;
  private final StreamingQuery query;

  StreamTestReport(
      StreamTest test,
      List<StreamAction> steps,
      int failedStep,
      Path checkpoint,
      StreamingQuery query) {
    this.test = test;
    this.steps = steps;
    this.failedStep = failedStep;
    this.checkpoint = checkpoint;
    this.query = query;
  }

  String render(Throwable error) {
    StringBuilder sb = new StringBuilder();
    sb.append("Stream test failed");
    if (failedStep < steps.size()) {
      sb.append(" at step ").append(failedStep + 1).append(": ").append(steps.get(failedStep));
    } else {
      sb.append(" after the last step");
    }
    sb.append("\n\n== Actions ==\n");
    for (int i = 0; i < steps.size(); i++) {
      sb.append(i == failedStep ? "=> " : "   ").append(steps.get(i)).append('\n');
    }
    sb.append("\n== Error ==\n").append(describe(error));
    section(sb, "Query", this::query);
    section(sb, "Committed offsets", this::offsets);
    section(sb, "Watermark", this::watermark);
    section(sb, "Sink (" + test.outputMode + " mode)", test.sink::toString);
    section(sb, "Physical plan", this::plan);
    section(sb, "State", this::state);
    return sb.toString();
  }

  private interface Part {
    String text() throws Exception;
  }

  /** A report section; a section that cannot be computed says why instead of hiding the rest. */
  private static void section(StringBuilder sb, String title, Part part) {
    sb.append("\n== ").append(title).append(" ==\n");
    String text;
    try {
      text = part.text();
    } catch (Exception | LinkageError e) {
      text = "(unavailable: " + e + ")";
    }
    sb.append(text);
    if (!text.endsWith("\n")) sb.append('\n');
  }

  private static String describe(Throwable error) {
    StringBuilder sb = new StringBuilder();
    if (error instanceof AssertionError && error.getMessage() != null) {
      sb.append(error.getMessage()).append('\n');
      error = error.getCause();
    }
    if (error != null) {
      StringWriter w = new StringWriter();
      error.printStackTrace(new PrintWriter(w));
      String trace = w.toString();
      String[] lines = trace.split("\n");
      int shown = Math.min(lines.length, 40);
      for (int i = 0; i < shown; i++) sb.append(lines[i]).append('\n');
      if (lines.length > shown) sb.append("\t... ").append(lines.length - shown).append(" more\n");
    }
    return sb.toString();
  }

  private String query() {
    if (query == null) return "(not started)";
    StringBuilder sb = new StringBuilder();
    sb.append("id = ").append(query.id()).append(", runId = ").append(query.runId());
    sb.append(", name = ").append(query.name()).append('\n');
    sb.append("active = ").append(query.isActive());
    sb.append(", status = ").append(query.status().json()).append('\n');
    query.exception().ifPresent(e -> sb.append("exception = ").append(e.getMessage()));
    if (test.clock != null) sb.append("clock = ").append(test.clock).append('\n');
    sb.append("checkpoint = ").append(checkpoint);
    return sb.toString();
  }

  private String offsets() {
    CommitLog commits = new CommitLog(checkpoint.resolve("commits"), false);
    OptionalLong last = commits.latestBatchId();
    if (last.isEmpty()) return "(no batch committed)";
    OffsetSeq seq = new OffsetLog(checkpoint.resolve("offsets"), false).get(last.getAsLong());
    if (seq == null) return "batch " + last.getAsLong() + ": (offset log entry missing)";
    StringBuilder sb = new StringBuilder("batch ").append(last.getAsLong()).append(":\n");
    SourceProgress[] sources = lastSources();
    for (int i = 0; i < seq.offsets().size(); i++) {
      String name = i < sources.length ? sources[i].description() : "source " + i;
      sb.append("  ").append(name).append(": ").append(seq.offsets().get(i)).append('\n');
    }
    return sb.toString();
  }

  private SourceProgress[] lastSources() {
    StreamingQueryProgress p = query == null ? null : query.lastProgress();
    return p == null ? new SourceProgress[0] : p.sources();
  }

  private String watermark() {
    CommitLog commits = new CommitLog(checkpoint.resolve("commits"), false);
    OptionalLong last = commits.latestBatchId();
    if (last.isEmpty()) return "(no batch committed)";
    Long wm = commits.get(last.getAsLong());
    return wm == null ? "(none)" : Instant.ofEpochMilli(wm) + " (" + wm + " ms)";
  }

  private String plan() {
    if (query instanceof StreamExecution s) return s.explainString(false);
    return query == null ? "(not started)" : "(not available for " + query.getClass() + ")";
  }

  private String state() {
    StreamingQueryProgress p = query == null ? null : query.lastProgress();
    if (p == null || p.stateOperators().length == 0) return "(no state operators)";
    StringBuilder sb = new StringBuilder();
    for (StateOperatorProgress s : p.stateOperators()) sb.append(s.json()).append('\n');
    return sb.toString();
  }
}
