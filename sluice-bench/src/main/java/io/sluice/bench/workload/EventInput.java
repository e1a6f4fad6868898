package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The benchmark input written by the shared {@code EventGen.java}: a directory holding {@code
 * events/}, {@code enrichment/}, {@code customers/} and {@code manifest.properties} ({@code --mode
 * all}), or just a directory of event part files. Streams over it read the JSON files with the
 * events' schema given, {@code maxFilesPerTrigger} files per batch, as WORKLOADS.md prescribes.
 */
final class EventInput implements EventStreams, AutoCloseable {
  static final StructType EVENTS =
      StructType.fromDDL(
          "event_id STRING, user_id STRING, customer_id STRING, event_type STRING,"
              + " ts TIMESTAMP, amount DOUBLE");
  static final StructType ENRICHMENT =
      StructType.fromDDL("user_id STRING, ts TIMESTAMP, campaign STRING");
  static final StructType CUSTOMERS =
      StructType.fromDDL("customer_id STRING, customer_name STRING, segment STRING");

  private final Path root;
  private final Path events;
  private final long manifestEvents;
  private final boolean temporary;
  private final long maxFilesPerTrigger;

  /** The events' file format: json (as generated), or parquet (a converted copy, made once). */
  private final String format;

  private Path parquetEvents;

  private EventInput(Path root, boolean temporary, long maxFilesPerTrigger, String format)
      throws IOException {
    this.root = root;
    this.format = format;
    this.temporary = temporary;
    this.maxFilesPerTrigger = maxFilesPerTrigger;
    this.events = Files.isDirectory(root.resolve("events")) ? root.resolve("events") : root;
    Path manifest = root.resolve("manifest.properties");
    long n = -1;
    if (Files.isRegularFile(manifest)) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(manifest)) {
        p.load(in);
      }
      n = Long.parseLong(p.getProperty("events", "-1").trim());
    }
    this.manifestEvents = n;
  }

  /**
   * The input named by {@code --input}, or one generated now with EventGen ({@code --events},
   * default the standard 5M; {@code --files}, default 50; {@code --seed}, default 42) into a
   * temporary directory deleted on close, unless {@code --keep}.
   */
  static EventInput resolve(Args args, PrintStream log) throws IOException, InterruptedException {
    long perTrigger = args.getLong("max-files-per-trigger", 5);
    String format = args.get("format", "json");
    if (!format.equals("json") && !format.equals("parquet")) {
      throw new IllegalArgumentException("--format " + format + ": json or parquet");
    }
    String input = args.get("input", null);
    if (input != null) {
      Path p = Path.of(input).toAbsolutePath();
      if (!Files.isDirectory(p))
        throw new IllegalArgumentException("--input " + p + ": no such directory");
      return new EventInput(p, false, perTrigger, format);
    }
    long events = args.getLong("events", 5_000_000);
    long files = args.getLong("files", 50);
    long seed = args.getLong("seed", 42);
    Path eventGen = EventGen.locate(args.get("eventgen", null));
    Path dir = Files.createTempDirectory("sluice-bench-input-");
    long t0 = System.nanoTime();
    EventGen.run(eventGen, dir, events, files, seed);
    log.printf(
        "generated %d events in %d files (seed %d, --mode all) with %s into %s in %.1f s%n",
        events, files, seed, eventGen, dir, (System.nanoTime() - t0) / 1e9);
    return new EventInput(dir, !args.flag("keep"), perTrigger, format);
  }

  Path root() {
    return root;
  }

  long maxFilesPerTrigger() {
    return maxFilesPerTrigger;
  }

  /** The authoritative number of events (from the manifest), or -1 when there is none. */
  long manifestEvents() {
    return manifestEvents;
  }

  String format() {
    return format;
  }

  /** The directory of the JSON event part files. */
  Path eventsDir() {
    return events;
  }

  /**
   * The events as a stream without a watermark ({@code events_raw} of WORKLOADS.md); with {@code
   * --format parquet} from a Parquet copy of the part files (one Parquet file per JSON file, made
   * once under {@code <input>/events-parquet}).
   */
  @Override
  public DataFrame eventsRaw(Session session) {
    if (format.equals("json")) return stream(session, events, EVENTS);
    try {
      if (parquetEvents == null) {
        parquetEvents = ParquetEvents.ensure(session, events, root.resolve("events-parquet"));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return session
        .readStream()
        .schema(EVENTS)
        .option("maxFilesPerTrigger", String.valueOf(maxFilesPerTrigger))
        .format("parquet")
        .load(parquetEvents.toString());
  }

  @Override
  public DataFrame enrichment(Session session) {
    return stream(session, root.resolve("enrichment"), ENRICHMENT)
        .withWatermark("ts", "10 minutes");
  }

  @Override
  public DataFrame customers(Session session) {
    return session.read().schema(CUSTOMERS).json(root.resolve("customers").toString());
  }

  private DataFrame stream(Session session, Path dir, StructType schema) {
    return session
        .readStream()
        .schema(schema)
        .option("maxFilesPerTrigger", String.valueOf(maxFilesPerTrigger))
        .json(dir.toString());
  }

  @Override
  public void close() throws IOException {
    if (!temporary) return;
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path p : paths) Files.deleteIfExists(p);
    }
  }
}
