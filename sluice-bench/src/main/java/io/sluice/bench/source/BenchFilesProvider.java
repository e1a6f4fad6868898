package io.sluice.bench.source;

import io.sluice.connector.BatchScan;
import io.sluice.connector.BatchSourceProvider;
import io.sluice.connector.DataSourceRegistry;
import io.sluice.connector.LongOffset;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.connector.SupportsTriggerAvailableNow;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code format("bench-files")}: a minimal stand-in for the streaming file source, for the
 * workloads until Sluice's own file source is on the class path. It reads the files of one
 * directory in name order (EventGen's part files replay the stream that way), admits {@code
 * maxFilesPerTrigger} files per batch, and reads them with the batch reader of {@code fileFormat}
 * (default json) and the user's schema. The offset is the number of files read; files must only
 * ever be added after the last one in name order. Nothing is kept in the checkpoint.
 */
public final class BenchFilesProvider implements StreamSourceProvider {
  @Override
  public String shortName() {
    return "bench-files";
  }

  @Override
  public StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    if (userSchema == null) {
      throw new IllegalArgumentException("format bench-files needs a schema: call schema(...)");
    }
    return userSchema;
  }

  @Override
  public MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    String dir = Options.get(options, "path", null);
    if (dir == null) throw new IllegalArgumentException("format bench-files needs a path");
    String format = Options.get(options, "fileFormat", "json");
    long maxFiles = Options.getLong(options, "maxFilesPerTrigger", Long.MAX_VALUE);
    BatchSourceProvider reader = DataSourceRegistry.findBatchSource(format);
    Map<String, String> readOptions = new HashMap<>(options);
    readOptions.keySet().removeIf(k -> k.equalsIgnoreCase("path"));
    return new FileStream(Path.of(dir), schema, reader, readOptions, maxFiles, ctx);
  }

  private static final class FileStream implements SupportsTriggerAvailableNow {
    private final Path dir;
    private final StructType schema;
    private final BatchSourceProvider reader;
    private final Map<String, String> options;
    private final long maxFiles;
    private final SourceContext ctx;
    private List<String> files = List.of();
    private long availableNowFiles = -1;

    FileStream(
        Path dir,
        StructType schema,
        BatchSourceProvider reader,
        Map<String, String> options,
        long maxFiles,
        SourceContext ctx) {
      this.dir = dir;
      this.schema = schema;
      this.reader = reader;
      this.options = options;
      this.maxFiles = maxFiles;
      this.ctx = ctx;
    }

    @Override
    public String description() {
      return "BenchFileStream[" + dir + "]";
    }

    @Override
    public StructType schema() {
      return schema;
    }

    @Override
    public Offset initialOffset() {
      return new LongOffset(0);
    }

    @Override
    public void prepareForTriggerAvailableNow() {
      availableNowFiles = list().size();
    }

    @Override
    public ReadLimit defaultReadLimit() {
      return maxFiles == Long.MAX_VALUE
          ? ReadLimit.allAvailable()
          : new ReadLimit.MaxFiles((int) Math.min(Integer.MAX_VALUE, maxFiles));
    }

    @Override
    public Offset latestOffset(Offset start, ReadLimit limit) {
      long from = ((LongOffset) start).value();
      long available = availableNowFiles >= 0 ? availableNowFiles : list().size();
      long end = available;
      if (limit instanceof ReadLimit.MaxFiles m) end = Math.min(available, from + m.files());
      return new LongOffset(Math.max(from, end));
    }

    @Override
    public BatchScan planBatch(Offset start, Offset end) {
      int s = (int) ((LongOffset) start).value();
      int e = (int) ((LongOffset) end).value();
      if (e > files.size()) list();
      return reader.createBatchScan(files.subList(s, e), options, schema, ctx);
    }

    @Override
    public Offset deserializeOffset(String json) {
      return LongOffset.parse(json, description());
    }

    private List<String> list() {
      try (java.util.stream.Stream<Path> s = Files.list(dir)) {
        List<String> names = new ArrayList<>();
        for (Path p : (Iterable<Path>) s::iterator) {
          String n = p.getFileName().toString();
          if (!n.startsWith(".") && !n.startsWith("_") && Files.isRegularFile(p)) {
            names.add(p.toString());
          }
        }
        names.sort(null);
        files = List.copyOf(names);
        return files;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
