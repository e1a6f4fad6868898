package io.sluice.bench.workload;

import io.sluice.Session;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code bin/bench kafka}: W0 and W1 reading the EventGen events from a 2-partition Kafka topic
 * (values parsed with {@code from_json}), beside the raw ceiling of a plain tuned KafkaConsumer
 * draining the same topic in the same run; then the end-to-end latency run Kafka → Sluice
 * (stateless) → Kafka at 1,000 events/s with the default trigger. The broker runs in this JVM on a
 * loopback port (or {@code --bootstrap-servers} names one). See {@code docs/benchmarks.md}.
 */
public final class KafkaBenchMain {
  private static final List<String> FLAGS = List.of("keep", "skip-throughput", "skip-latency");

  private KafkaBenchMain() {}

  public static void main(String[] argv) throws Exception {
    PrintStream out = System.out;
    if (List.of(argv).contains("--help") || List.of(argv).contains("-h")) {
      out.println(
          "usage: bin/bench kafka [--input DIR | --events N --files K --seed S --keep]"
              + " [--bootstrap-servers HOST:PORT] [--workloads W0,W1[,SOURCE]]"
              + " [--max-offsets-per-trigger 500000] [--warmup-runs 0] [--skip-throughput]"
              + " [--skip-latency] [--rate 1000] [--warmup-seconds 5] [--measure-seconds 20]"
              + " [--master local[2]] [--conf key=value]...");
      return;
    }
    Args args = Args.parse(argv, 0, FLAGS);
    String given = args.get("bootstrap-servers", null);
    KafkaTestBroker broker = null;
    try (EventInput input = EventInput.resolve(args, out)) {
      String bootstrap;
      if (given != null) {
        bootstrap = given;
      } else {
        long t0 = System.nanoTime();
        broker = KafkaTestBroker.start();
        bootstrap = broker.bootstrapServers();
        out.printf(
            "Kafka broker in this JVM on %s, started in %.1f s%n",
            bootstrap, (System.nanoTime() - t0) / 1e9);
      }
      String run = Long.toString(System.currentTimeMillis(), 36);
      List<Path> files = TopicLoader.partFiles(input.eventsDir());
      if (!args.flag("skip-throughput")) throughput(args, out, bootstrap, run, files);
      if (!args.flag("skip-latency")) latency(args, out, bootstrap, run, files);
    } finally {
      if (broker != null) broker.close();
    }
    out.flush();
    System.exit(0);
  }

  private static void throughput(
      Args args, PrintStream out, String bootstrap, String run, List<Path> files) throws Exception {
    String topic = "bench-events-" + run;
    createTopics(bootstrap, Map.of(topic, 2));
    long t0 = System.nanoTime();
    long events = TopicLoader.load(bootstrap, topic, 2, files);
    out.printf(
        "loaded %d events into %s (2 partitions) in %.1f s%n",
        events, topic, (System.nanoTime() - t0) / 1e9);
    RawConsumer.Drain warm = RawConsumer.drain(bootstrap, topic);
    out.printf("raw consumer warm-up: %d records in %.3f s%n", warm.records(), warm.seconds());
    long rawCpu0 = CpuTime.processNanos();
    RawConsumer.Drain raw = RawConsumer.drain(bootstrap, topic);
    double rawCpu = (CpuTime.processNanos() - rawCpu0) / 1e9;
    out.printf(
        Locale.ROOT,
        "raw consumer: %d records, %.0f MB in %.3f s (%.0f MB/s); process CPU %.2f s (%.0f records"
            + " per CPU-second, broker included)%n",
        raw.records(),
        raw.bytes() / 1e6,
        raw.seconds(),
        raw.bytes() / 1e6 / raw.seconds(),
        rawCpu,
        raw.records() / Math.max(1e-9, rawCpu));
    out.println(new Result("RAW-kafka", raw.records(), raw.seconds(), List.of(), 0).line());
    long perTrigger = args.getLong("max-offsets-per-trigger", 500_000);
    KafkaEventStreams streams = new KafkaEventStreams(bootstrap, topic, perTrigger);
    List<String> summary = new ArrayList<>();
    for (String name : args.get("workloads", "W0,W1").split(",")) {
      String id = name.trim().toUpperCase(Locale.ROOT);
      Workload w =
          id.equals("SOURCE") ? KafkaEventStreams.SOURCE_ONLY : Workloads.WORKLOADS.get(id);
      if (w == null) throw new IllegalArgumentException("no workload " + name);
      Session session = Sessions.create("bench-kafka-" + w.name(), args, Map.of());
      try {
        out.printf(
            "workload %s over Kafka: %s; maxOffsetsPerTrigger %d%n",
            w.name(), w.description(), perTrigger);
        for (long i = 0, n = args.getLong("warmup-runs", 0); i < n; i++) {
          WorkloadRunner.Run first = WorkloadRunner.runOnce(w, session, streams);
          out.printf(
              Locale.ROOT,
              "warm-up run %d: %.3f s, %d batches%n",
              i + 1,
              first.seconds(),
              first.batches().size());
        }
        WorkloadRunner.Run r = WorkloadRunner.runOnce(w, session, streams);
        long rows = r.inputRows();
        Result res =
            new Result(
                w.name() + "-kafka",
                rows,
                r.seconds(),
                ProgressCollector.durations(r.batches()),
                r.peakHeapBytes());
        out.printf(
            "input rows read %d (of %d), output rows %d; mean durationMs per batch: %s%n",
            rows,
            events,
            ProgressCollector.outputRows(r.batches()),
            ProgressCollector.meanPhases(r.batches()));
        out.printf(
            Locale.ROOT,
            "process CPU %.2f s: %.0f events per CPU-second (broker included)%n",
            r.cpuSeconds(),
            rows / Math.max(1e-9, r.cpuSeconds()));
        out.println(res.line());
        double pct = 100.0 * (rows / r.seconds()) / raw.recordsPerSecond();
        double target = w.name().equals("W0") ? 50 : w.name().equals("W1") ? 40 : 0;
        summary.add(
            String.format(
                Locale.ROOT,
                "KAFKA %s sluice_events_per_sec=%.0f raw_events_per_sec=%.0f"
                    + " percent_of_raw=%.1f target=%.0f %s",
                w.name(),
                rows / r.seconds(),
                raw.recordsPerSecond(),
                pct,
                target,
                pct >= target ? "MET" : "MISSED"));
      } finally {
        session.stop();
      }
    }
    summary.forEach(out::println);
  }

  private static void latency(
      Args args, PrintStream out, String bootstrap, String run, List<Path> files) throws Exception {
    String in = "lat-in-" + run;
    String outTopic = "lat-out-" + run;
    createTopics(bootstrap, Map.of(in, 2, outTopic, 2));
    double rate = Double.parseDouble(args.get("rate", "1000"));
    Duration warmup = Duration.ofSeconds(args.getLong("warmup-seconds", 5));
    Duration measured = Duration.ofSeconds(args.getLong("measure-seconds", 20));
    List<byte[]> values = TopicLoader.firstLines(files, 100_000);
    out.printf(
        "latency: %.0f events/s into %s (2 partitions) -> Sluice (W0 filter/projection, default"
            + " trigger) -> %s; %s warm-up, %s measured%n",
        rate, in, outTopic, warmup, measured);
    Session session = Sessions.create("bench-kafka-latency", args, Map.of());
    Path checkpoint = KafkaLatency.tempCheckpoint();
    ProgressCollector progress = new ProgressCollector();
    session.streams().addListener(progress);
    try {
      KafkaLatency.Outcome o =
          KafkaLatency.run(
              session, bootstrap, in, outTopic, values, rate, warmup, measured, checkpoint);
      session.streams().awaitListenerEvents(10_000);
      List<Long> batchMs = ProgressCollector.durations(progress.batches());
      out.printf(
          "%d micro-batches, p50 %d ms, p99 %d ms; mean durationMs per batch: %s%n",
          batchMs.size(),
          Result.percentile(batchMs, 50),
          Result.percentile(batchMs, 99),
          ProgressCollector.meanPhases(progress.batches()));
      out.println("plain produce->consume hop, same run: " + o.raw().describe());
      out.println(
          "RESULT workload=LAT-kafka "
              + o.sluice().describe()
              + String.format(
                  Locale.ROOT, " target_p99_ms=20 %s", o.sluice().p99() <= 20 ? "MET" : "MISSED"));
    } finally {
      session.stop();
      Sessions.deleteRecursively(checkpoint);
    }
  }

  private static void createTopics(String bootstrap, Map<String, Integer> topics) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      List<NewTopic> ts = new ArrayList<>();
      topics.forEach((t, n) -> ts.add(new NewTopic(t, n, (short) 1)));
      admin.createTopics(ts).all().get(60, TimeUnit.SECONDS);
    }
  }
}
