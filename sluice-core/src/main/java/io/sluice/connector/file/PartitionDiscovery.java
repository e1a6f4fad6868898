package io.sluice.connector.file;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.exec.expr.DateTimes;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark's partition discovery: directories named {@code key=value} below a root directory become
 * partition columns. Values are unescaped ({@code %XX}); {@code __HIVE_DEFAULT_PARTITION__} is
 * null; types are inferred per value (int, bigint, decimal without fraction, double, timestamp,
 * date, else string) and widened per column (mixed kinds become string, all null becomes string). A
 * user schema naming a partition column fixes its type; with {@code
 * sluice.sql.sources.partitionColumnTypeInference.enabled} off every other one is a string.
 */
final class PartitionDiscovery {
  static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

  private PartitionDiscovery() {}

  /** The {@code key=value} pairs of {@code dir} below {@code root}, outermost first. */
  static List<String[]> parse(Path root, Path dir) {
    List<String[]> columns = new ArrayList<>();
    Path rel = root.relativize(dir);
    for (int i = rel.getNameCount() - 1; i >= 0; i--) {
      String name = rel.getName(i).toString();
      int eq = name.indexOf('=');
      if (eq <= 0) {
        if (!columns.isEmpty()) break;
        continue;
      }
      columns.add(
          0, new String[] {unescape(name.substring(0, eq)), unescape(name.substring(eq + 1))});
    }
    if (rel.toString().isEmpty()) columns.clear();
    return columns;
  }

  /**
   * Builds the partition schema and per-file values for files grouped by their directory's {@code
   * key=value} pairs; fails when directories disagree on the column names.
   */
  static FileIndex resolve(
      List<SourceFile> files,
      Map<Path, List<String[]>> pairsByFile,
      StructType userSchema,
      ZoneId zone,
      boolean inferTypes) {
    Map<List<String>, List<Path>> layouts = new LinkedHashMap<>();
    for (SourceFile f : files) {
      List<String> names = new ArrayList<>();
      for (String[] kv : pairsByFile.get(f.path())) names.add(kv[0]);
      layouts.computeIfAbsent(names, k -> new ArrayList<>()).add(f.path().getParent());
    }
    if (layouts.size() > 1) {
      List<String> lists = new ArrayList<>();
      Set<String> dirs = new LinkedHashSet<>();
      layouts.forEach(
          (names, paths) -> {
            lists.add(
                "Partition column name list #" + lists.size() + ": " + String.join(", ", names));
            dirs.add(FileListing.qualified(paths.get(0)));
          });
      throw new io.sluice.AnalysisException(
          ErrorClass.CONFLICTING_PARTITION_COLUMN_NAMES,
          SluiceException.params(
              "distinctPartColLists",
              String.join("; ", lists),
              "suspiciousPaths",
              String.join(", ", dirs)));
    }
    List<String> names = layouts.keySet().iterator().next();
    DataType[] types = new DataType[names.size()];
    for (int c = 0; c < types.length; c++) {
      int fieldIdx = userSchema == null ? -1 : userSchema.indexOf(names.get(c), false);
      if (fieldIdx >= 0) {
        types[c] = userSchema.get(fieldIdx).dataType();
        continue;
      }
      DataType t = DataTypes.NullType;
      for (SourceFile f : inferTypes ? files : List.<SourceFile>of()) {
        t = wider(t, inferType(pairsByFile.get(f.path()).get(c)[1], zone));
      }
      types[c] = t instanceof NullType ? DataTypes.StringType : t;
    }
    List<StructField> fields = new ArrayList<>();
    for (int c = 0; c < types.length; c++) fields.add(new StructField(names.get(c), types[c]));
    Map<Path, Object[]> values = new HashMap<>();
    for (SourceFile f : files) {
      List<String[]> pairs = pairsByFile.get(f.path());
      Object[] v = new Object[types.length];
      for (int c = 0; c < v.length; c++) v[c] = convert(pairs.get(c)[1], types[c], zone);
      values.put(f.path(), v);
    }
    return new FileIndex(files, new StructType(fields), values);
  }

  /** The type Spark infers for one raw partition value. */
  static DataType inferType(String raw, ZoneId zone) {
    if (raw.equals(DEFAULT_PARTITION_NAME)) return DataTypes.NullType;
    try {
      Integer.parseInt(raw);
      return DataTypes.IntegerType;
    } catch (NumberFormatException ignored) {
      // not an int
    }
    try {
      Long.parseLong(raw);
      return DataTypes.LongType;
    } catch (NumberFormatException ignored) {
      // not a long
    }
    try {
      BigDecimal d = new BigDecimal(raw);
      if (d.scale() <= 0 && d.precision() - d.scale() <= DecimalType.MAX_PRECISION) {
        return new DecimalType(d.precision() - d.scale(), 0);
      }
    } catch (NumberFormatException ignored) {
      // not a decimal
    }
    if (isDouble(raw)) return DataTypes.DoubleType;
    if (raw.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")
        && DateTimes.stringToTimestamp(raw, zone) != DateTimes.INVALID_TIMESTAMP) {
      return DataTypes.TimestampType;
    }
    if (raw.matches("\\d{4}-\\d{2}-\\d{2}")
        && DateTimes.stringToDate(raw) != DateTimes.INVALID_DATE) {
      return DataTypes.DateType;
    }
    return DataTypes.StringType;
  }

  private static boolean isDouble(String raw) {
    try {
      Double.parseDouble(raw);
      return !raw.endsWith("d") && !raw.endsWith("D") && !raw.endsWith("f") && !raw.endsWith("F");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static DataType wider(DataType a, DataType b) {
    if (a.equals(b) || b instanceof NullType) return a;
    if (a instanceof NullType) return b;
    int ra = numericRank(a);
    int rb = numericRank(b);
    if (ra >= 0 && rb >= 0) {
      if (a instanceof DoubleType || b instanceof DoubleType) return DataTypes.DoubleType;
      if (a instanceof DecimalType || b instanceof DecimalType) {
        DecimalType da = DecimalType.forType(a);
        DecimalType db = DecimalType.forType(b);
        return new DecimalType(
            Math.min(DecimalType.MAX_PRECISION, Math.max(da.precision(), db.precision())), 0);
      }
      return ra >= rb ? a : b;
    }
    if ((a instanceof DateType && b instanceof TimestampType)
        || (a instanceof TimestampType && b instanceof DateType)) {
      return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private static int numericRank(DataType t) {
    if (t instanceof IntegerType) return 0;
    if (t instanceof LongType) return 1;
    if (t instanceof DecimalType) return 2;
    if (t instanceof DoubleType) return 3;
    return -1;
  }

  /** A raw value in the internal form of {@code type}; null when it does not convert. */
  static Object convert(String raw, DataType type, ZoneId zone) {
    if (raw.equals(DEFAULT_PARTITION_NAME)) return null;
    try {
      if (type instanceof StringType) return raw;
      if (type instanceof IntegerType) return Integer.parseInt(raw.trim());
      if (type instanceof LongType) return Long.parseLong(raw.trim());
      if (type instanceof DoubleType) return Double.parseDouble(raw.trim());
      if (type instanceof DecimalType d) {
        return new BigDecimal(raw.trim()).setScale(d.scale(), java.math.RoundingMode.HALF_UP);
      }
      if (type instanceof DateType) {
        int days = DateTimes.stringToDate(raw);
        return days == DateTimes.INVALID_DATE ? null : days;
      }
      if (type instanceof TimestampType) {
        long micros = DateTimes.stringToTimestamp(raw, zone);
        return micros == DateTimes.INVALID_TIMESTAMP ? null : micros;
      }
      if (type.isIntegral()) {
        long v = Long.parseLong(raw.trim());
        return type instanceof io.sluice.types.ShortType ? (Object) (short) v : (Object) (byte) v;
      }
    } catch (RuntimeException e) {
      return null;
    }
    return raw;
  }

  /** Decodes {@code %XX} escapes as Spark's {@code unescapePathName}. */
  static String unescape(String s) {
    if (s.indexOf('%') < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int h1 = hex(s.charAt(i + 1));
        int h2 = hex(s.charAt(i + 2));
        if (h1 >= 0 && h2 >= 0) {
          sb.append((char) (h1 * 16 + h2));
          i += 2;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
