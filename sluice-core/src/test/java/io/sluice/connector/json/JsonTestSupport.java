package io.sluice.connector.json;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.SourceContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.MapValue;
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

/** Writes JSON files and reads them back through the scan as lists of values. */
final class JsonTestSupport {
  private JsonTestSupport() {}

  static Path write(Path dir, String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(
        p, String.join("\n", lines) + (lines.length > 0 ? "\n" : ""), StandardCharsets.UTF_8);
    return p;
  }

  static BatchScan scan(Path path, StructType schema, String... options) {
    return scan(List.of(path.toString()), schema, options);
  }

  static BatchScan scan(List<String> paths, StructType schema, String... options) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < options.length; i += 2) o.put(options[i], options[i + 1]);
    SQLConf conf = new SQLConf(2);
    conf.set(SQLConf.SESSION_TIME_ZONE, "UTC");
    return new JsonDataSourceProvider().createBatchScan(paths, o, schema, new SourceContext(conf));
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
            for (int c = 0; c < b.numColumns(); c++) {
              row.add(normalize(b.column(c).getObject(r)));
            }
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  /** Arrays and structs as lists, maps as ordered maps, so that equals works. */
  static Object normalize(Object v) {
    if (v instanceof Object[] a) {
      List<Object> out = new ArrayList<>();
      for (Object o : a) out.add(normalize(o));
      return out;
    }
    if (v instanceof MapValue m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < m.size(); i++) out.put(normalize(m.keys()[i]), normalize(m.values()[i]));
      return out;
    }
    if (v instanceof byte[] b) return Arrays.toString(b);
    return v;
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
