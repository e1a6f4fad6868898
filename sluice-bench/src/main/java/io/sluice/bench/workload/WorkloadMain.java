package io.sluice.bench.workload;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Runs one workload or latency probe of WORKLOADS.md and prints its {@code RESULT} line last:
 * {@code bin/bench W0 --input data/bench-5m}, {@code bin/bench LAT0 [--fsync]}. {@code --list}
 * names them.
 */
public final class WorkloadMain {
  private static final List<String> FLAGS = List.of("keep", "fsync");

  private WorkloadMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
      usage(out);
      return;
    }
    if (args[0].equals("--list")) {
      Workloads.WORKLOADS.keySet().forEach(out::println);
      Workloads.PROBES.keySet().forEach(out::println);
      out.println("PARQUET");
      return;
    }
    String name = args[0].toUpperCase(Locale.ROOT);
    Args a = Args.parse(args, 1, FLAGS);
    if (name.equals("PARQUET")) {
      ParquetThroughput.run(a, out);
      out.flush();
      System.exit(0);
      return;
    }
    Result r;
    if (Workloads.WORKLOADS.containsKey(name)) {
      r = WorkloadRunner.run(Workloads.WORKLOADS.get(name), a, out);
    } else if (Workloads.PROBES.containsKey(name)) {
      r = ProbeRunner.run(Workloads.PROBES.get(name), a, out);
    } else {
      System.err.println("no workload named " + args[0] + "; try --list");
      System.exit(2);
      return;
    }
    out.println(r.line());
    out.flush();
    System.exit(0); // the session's worker threads are daemons, but leave no doubt
  }

  private static void usage(PrintStream out) {
    out.println(
        String.join(
            "\n",
            "usage: bin/bench W0 [--input DIR | --events N --files K --seed S --keep]"
                + " [--max-files-per-trigger 5] [--warmup-runs N] [--format json|parquet]",
            "       bin/bench PARQUET [--input DIR | --events N ...] [--runs 3]",
            "       bin/bench LAT0 [--fsync] [--warmup 20] [--batches 200]"
                + " [--rows-per-second 1000] [--partitions 2] [--source rate|rate-micro-batch]"
                + " [--checkpoint-dir DIR]",
            "  common: [--master local[2]] [--conf key=value]...",
            "  W0 without --input generates the input with ../shared/bench/EventGen.java"
                + " (--eventgen PATH) into a temporary directory."));
  }
}
