package io.sluice.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadRunnerTest {
  private static final String RESULT_LINE =
      "RESULT workload=\\w+ events=\\d+ seconds=\\d+\\.\\d{3} events_per_sec=\\d+ batches=\\d+"
          + " p50_batch_ms=\\d+ p99_batch_ms=\\d+ peak_heap_mb=\\d+";

  @Test
  void w0ReadsEveryFileOnceInBatchesOfTheFileLimitAndCountsTheManifestsEvents(@TempDir Path dir)
      throws Exception {
    Path events = Files.createDirectories(dir.resolve("events"));
    write(events.resolve("part-00000.jsonl"), event("a", "view", 1.5), event("b", "click", 2));
    write(events.resolve("part-00001.jsonl"), event("c", "purchase", 0), event("d", "view", 0));
    write(events.resolve("part-00002.jsonl"), event("e", "login", -1), event("f", "scroll", 3));
    Files.writeString(dir.resolve("manifest.properties"), "events=6\n");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Result r =
        WorkloadRunner.run(
            Workloads.WORKLOADS.get("W0"),
            args("--input", dir.toString(), "--max-files-per-trigger", "2"),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(r.events()).isEqualTo(6);
    assertThat(r.batchMs()).hasSize(2);
    // kept: b (click), c (purchase, amount 0), f (scroll); dropped: views and a negative amount
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("input rows read 6, output rows 3;");
    assertThat(r.line()).matches(RESULT_LINE).startsWith("RESULT workload=W0 events=6 ");
    assertThat(r.line()).contains(" batches=2 ");
  }

  @Test
  void withFormatParquetTheEventsAreReadFromAParquetCopyOfEachPartFile(@TempDir Path dir)
      throws Exception {
    Path events = Files.createDirectories(dir.resolve("events"));
    write(events.resolve("part-00000.jsonl"), event("a", "view", 1.5), event("b", "click", 2));
    write(events.resolve("part-00001.jsonl"), event("c", "purchase", 0), event("d", "view", 0));
    write(events.resolve("part-00002.jsonl"), event("e", "login", -1), event("f", "scroll", 3));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Result r =
        WorkloadRunner.run(
            Workloads.WORKLOADS.get("W0"),
            args("--input", dir.toString(), "--max-files-per-trigger", "2", "--format", "parquet"),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(r.batchMs()).hasSize(2);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("input rows read 6, output rows 3;");
    assertThat(ParquetEvents.list(dir.resolve("events-parquet"), ".parquet"))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
  }

  @Test
  void lat0ReportsTheMeasuredBatchesAfterTheWarmUp() throws Exception {
    Result r =
        ProbeRunner.run(
            Workloads.PROBES.get("LAT0"),
            args(
                "--source",
                "rate-micro-batch",
                "--rows-per-second",
                "50",
                "--warmup",
                "2",
                "--batches",
                "5"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(r.workload()).isEqualTo("LAT0");
    assertThat(r.batchMs()).hasSize(5);
    assertThat(r.events()).isEqualTo(250);
    assertThat(r.line()).matches(RESULT_LINE);
  }

  @Test
  void percentilesAreNearestRank() {
    List<Long> ms = List.of(5L, 1L, 4L, 2L, 3L, 10L, 6L, 7L, 9L, 8L);
    assertThat(Result.percentile(ms, 50)).isEqualTo(5);
    assertThat(Result.percentile(ms, 99)).isEqualTo(10);
    assertThat(Result.percentile(List.of(7L), 99)).isEqualTo(7);
    assertThat(Result.percentile(List.of(), 50)).isZero();
  }

  private static Args args(String... a) {
    return Args.parse(a, 0, List.of("keep", "fsync"));
  }

  private static String event(String id, String type, double amount) {
    return "{\"event_id\":\"e"
        + id
        + "\",\"user_id\":\"u1\",\"customer_id\":\"c1\",\"event_type\":\""
        + type
        + "\",\"ts\":\"2026-01-01T00:00:00.001Z\",\"amount\":"
        + amount
        + "}";
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n");
  }
}
