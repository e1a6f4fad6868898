package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.file.RecordWriter;
import io.sluice.connector.file.RecordWriterFactory;
import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.parquet.ParquetDataSourceProvider;
import io.sluice.parquet.ParquetWriterFormat;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parquet throughput on the EventGen events ({@code bin/bench PARQUET --input DIR}): the events are
 * first converted to Parquet (one file per JSON part file, {@link ParquetEvents}); then
 *
 * <ul>
 *   <li><b>read</b>: a batch query over the Parquet files touching every column (the engine, all
 *       worker threads), best of {@code --runs} (3);
 *   <li><b>write</b>: the events, held in memory as column batches, written through the Parquet
 *       writer by one thread, per codec (snappy, zstd), best of the runs;
 *   <li><b>rewrite</b>: a batch query reading the Parquet files and writing them again as Parquet
 *       (the engine, all worker threads).
 * </ul>
 *
 * Rates are rows/s and MB/s of Parquet bytes (file sizes).
 */
final class ParquetThroughput {
  private ParquetThroughput() {}

  static void run(Args args, PrintStream out) throws Exception {
    Session session = Sessions.create("bench-parquet", args, Map.of());
    int runs = (int) args.getLong("runs", 3);
    try (EventInput input = EventInput.resolve(args, out)) {
      Path dir =
          ParquetEvents.ensure(session, input.eventsDir(), input.root().resolve("events-parquet"));
      long bytes = sizeOf(dir);
      String[] all = {
        "count(*)",
        "sum(length(event_id))",
        "sum(length(user_id))",
        "sum(length(customer_id))",
        "sum(length(event_type))",
        "max(ts)",
        "sum(amount)"
      };
      long rows = 0;
      double best = Double.MAX_VALUE;
      double bestCpu = 0;
      for (int i = 0; i <= runs; i++) { // the first run warms up
        long c0 = CpuTime.processNanos();
        long t0 = System.nanoTime();
        Row r = session.read().parquet(dir.toString()).selectExpr(all).collectAsList().get(0);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (CpuTime.processNanos() - c0) / 1e9;
        rows = r.getLong(0);
        if (i > 0 && s < best) {
          best = s;
          bestCpu = cpu;
        }
      }
      out.println(line("read", rows, bytes, best, bestCpu));

      List<ColumnBatch> batches = load(dir);
      for (String codec : List.of("snappy", "zstd")) {
        double w = Double.MAX_VALUE;
        double wCpu = 0;
        long written = 0;
        for (int i = 0; i <= runs; i++) {
          Path f = Files.createTempFile("sluice-bench-", ".parquet");
          try {
            long c0 = CpuTime.processNanos();
            long t0 = System.nanoTime();
            writeAll(batches, f, codec, session);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (CpuTime.processNanos() - c0) / 1e9;
            written = Files.size(f);
            if (i > 0 && s < w) {
              w = s;
              wCpu = cpu;
            }
          } finally {
            Files.deleteIfExists(f);
          }
        }
        out.println(line("write-" + codec + "-1thread", rows, written, w, wCpu));
      }
      batches = null;

      Path rewrite = Files.createTempDirectory("sluice-bench-rewrite-");
      try {
        long c0 = CpuTime.processNanos();
        long t0 = System.nanoTime();
        DataFrame df = session.read().parquet(dir.toString());
        df.write().mode("overwrite").parquet(rewrite.toString());
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (CpuTime.processNanos() - c0) / 1e9;
        out.println(line("rewrite", rows, sizeOf(rewrite), s, cpu));
      } finally {
        Sessions.deleteRecursively(rewrite);
      }
    } finally {
      session.stop();
    }
  }

  private static String line(String what, long rows, long bytes, double seconds, double cpu) {
    return String.format(
        Locale.ROOT,
        "RESULT parquet=%s rows=%d bytes=%d seconds=%.3f rows_per_sec=%.0f mb_per_sec=%.1f"
            + " cpu_seconds=%.2f rows_per_cpu_sec=%.0f",
        what,
        rows,
        bytes,
        seconds,
        rows / seconds,
        bytes / seconds / (1024.0 * 1024.0),
        cpu,
        rows / Math.max(1e-9, cpu));
  }

  /** Every event as column batches, read with Sluice's Parquet reader. */
  private static List<ColumnBatch> load(Path dir) {
    BatchScan scan =
        new ParquetDataSourceProvider()
            .createBatchScan(List.of(dir.toString()), Map.of(), EventInput.EVENTS, null);
    List<ColumnBatch> out = new ArrayList<>();
    for (int p = 0; p < scan.numPartitions(); p++) {
      try (BatchIterator it = scan.read(p, scan.schema(), 4096)) {
        for (ColumnBatch b = it.next(); b != null; b = it.next()) out.add(b);
      }
    }
    return out;
  }

  private static void writeAll(List<ColumnBatch> batches, Path file, String codec, Session s)
      throws Exception {
    SQLConf conf = new SQLConf(1);
    RecordWriterFactory f =
        new ParquetWriterFormat()
            .writers(EventInput.EVENTS, new SourceOptions(Map.of("compression", codec)), conf);
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      RecordWriter w = f.open(os);
      for (ColumnBatch b : batches) w.write(b);
      w.finish();
    }
  }

  private static long sizeOf(Path dir) throws java.io.IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".parquet"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
