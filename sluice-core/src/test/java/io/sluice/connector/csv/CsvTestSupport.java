package io.sluice.connector.csv;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.SourceContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes CSV files and reads them back through the scan as lists of values. */
final class CsvTestSupport {
  private CsvTestSupport() {}

  /** A file of the given lines, each ended by {@code \n}. */
  static Path write(Path dir, String name, String... lines) throws IOException {
    return writeRaw(dir, name, String.join("\n", lines) + (lines.length > 0 ? "\n" : ""));
  }

  static Path writeRaw(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static BatchScan scan(Path path, StructType schema, String... options) {
    return scan(List.of(path.toString()), schema, options);
  }

  static BatchScan scan(List<String> paths, StructType schema, String... options) {
    return scan(paths, schema, conf(), options);
  }

  static SQLConf conf() {
    SQLConf conf = new SQLConf(2);
    conf.set(SQLConf.SESSION_TIME_ZONE, "UTC");
    return conf;
  }

  static BatchScan scan(List<String> paths, StructType schema, SQLConf conf, String... options) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < options.length; i += 2) o.put(options[i], options[i + 1]);
    return new CsvDataSourceProvider().createBatchScan(paths, o, schema, new SourceContext(conf));
  }

  static StructType schema(String ddl) {
    return StructType.fromDDL(ddl);
  }

  /** Every row of every partition, in partition order, values in internal form. */
  static List<List<Object>> readAll(BatchScan scan) {
    return readAll(scan, scan.schema(), 4096);
  }

  static List<List<Object>> readAll(BatchScan scan, StructType readSchema, int batchSize) {
    List<List<Object>> rows = new ArrayList<>();
    for (int p = 0; p < scan.numPartitions(); p++) {
      try (BatchIterator it = scan.read(p, readSchema, batchSize)) {
        ColumnBatch b;
        while ((b = it.next()) != null) {
          for (int r = 0; r < b.numRows(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < b.numColumns(); c++) row.add(b.column(c).getObject(r));
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  /** The rows of reading {@code content} as one file with these options. */
  static List<List<Object>> read(Path dir, String content, String ddl, String... options)
      throws IOException {
    Path f = writeRaw(dir, "data.csv", content);
    return readAll(scan(f, ddl == null ? null : schema(ddl), options));
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
