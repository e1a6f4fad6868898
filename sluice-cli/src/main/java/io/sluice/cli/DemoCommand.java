package io.sluice.cli;

import static io.sluice.functions.avg;
import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.countDistinct;
import static io.sluice.functions.sum;

import io.sluice.DataFrame;
import io.sluice.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The example job: reads a JSON-lines file of events and prints, per event type, how many events
 * and distinct users there were and the total and average amount.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Reads JSON-lines events and prints a grouped aggregation.")
final class DemoCommand implements Callable<Integer> {
  /** The events' schema (the benchmark generator's). */
  static final String SCHEMA =
      "event_id STRING, user_id STRING, customer_id STRING, event_type STRING,"
          + " ts TIMESTAMP, amount DECIMAL(10,2)";

  @Option(
      names = "--input",
      description =
          "JSON-lines file or directory of events"
              + " (default: a 2,000-event sample shipped with Sluice).")
  Path input;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      description = "local, local[N] or local[*] (default: ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() throws IOException {
    Path path = input != null ? input : extractSample();
    Session session =
        Session.builder()
            .appName("sluice-demo")
            .master(master)
            .config("sluice.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      DataFrame events = session.read().schema(SCHEMA).json(path.toString());
      DataFrame byType =
          events
              .groupBy("event_type")
              .agg(
                  count("*").as("events"),
                  countDistinct(col("user_id")).as("users"),
                  sum("amount").as("total_amount"),
                  avg("amount").as("avg_amount"))
              .orderBy(col("events").desc(), col("event_type"));
      byType.show();
      return 0;
    } finally {
      session.stop();
    }
  }

  private static Path extractSample() throws IOException {
    Path tmp = Files.createTempFile("sluice-demo-events", ".jsonl");
    tmp.toFile().deleteOnExit();
    try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/events.jsonl")) {
      if (in == null) {
        throw new IOException("The demo sample /demo/events.jsonl is missing from the jar");
      }
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    return tmp;
  }
}
