package io.sluice.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The options of Sluice's SQL engine, each declared once, and a session's values for them. Keys are
 * {@code sluice.*}; {@code spark.*} spellings are normalized in {@link #normalizeKey}, the one
 * place aliases are resolved. Unknown keys are kept as strings (as Spark keeps them) so connectors
 * can read their own. Streaming options are declared in {@link StreamingConf}.
 */
public final class SQLConf {
  public static final ConfigOption<Integer> SHUFFLE_PARTITIONS =
      ConfigOption.integer(
          "sluice.sql.shuffle.partitions",
          null,
          "Partitions of a hash exchange before aggregations and joins. Default: twice the"
              + " worker threads.",
          "0.1.0");
  public static final ConfigOption<Boolean> ANSI_ENABLED =
      ConfigOption.bool(
          "sluice.sql.ansi.enabled",
          true,
          "ANSI SQL mode: overflow, division by zero and invalid casts raise errors instead of"
              + " returning null or wrapping.",
          "0.1.0");
  public static final ConfigOption<Boolean> CASE_SENSITIVE =
      ConfigOption.bool(
          "sluice.sql.caseSensitive", false, "Whether identifiers are case-sensitive.", "0.1.0");
  public static final ConfigOption<String> SESSION_TIME_ZONE =
      ConfigOption.string(
          "sluice.sql.session.timeZone",
          java.util.TimeZone.getDefault().getID(),
          "Time zone used to parse and display timestamps. Default: the JVM's.",
          "0.1.0");
  public static final ConfigOption<Boolean> DATETIME_JAVA8API =
      ConfigOption.bool(
          "sluice.sql.datetime.java8API.enabled",
          false,
          "Return java.time.Instant and LocalDate in rows instead of java.sql.Timestamp and"
              + " Date.",
          "0.1.0");
  public static final ConfigOption<Boolean> ADAPTIVE_COALESCE_PARTITIONS =
      ConfigOption.bool(
          "sluice.sql.adaptive.coalescePartitions.enabled",
          true,
          "Coalesce small shuffle partitions after an exchange.",
          "0.1.0");
  public static final ConfigOption<Long> AUTO_BROADCAST_JOIN_THRESHOLD =
      ConfigOption.longValue(
          "sluice.sql.autoBroadcastJoinThreshold",
          10L * 1024 * 1024,
          "Largest estimated size in bytes of a join side that is broadcast to every partition"
              + " of the other side instead of shuffling both; -1 disables broadcasting. Sizes"
              + " are known for in-memory relations and ranges only.",
          "0.1.0");
  public static final ConfigOption<Integer> BATCH_SIZE =
      ConfigOption.integer(
          "sluice.sql.execution.batchSize",
          4096,
          "Rows per column batch produced by scans and operators.",
          "0.1.0");
  public static final ConfigOption<Integer> MAX_TO_STRING_FIELDS =
      ConfigOption.integer(
          "sluice.sql.debug.maxToStringFields",
          25,
          "Fields of a plan node's schema shown in explain before truncating.",
          "0.1.0");
  public static final ConfigOption<String> COLUMN_NAME_OF_CORRUPT_RECORD =
      ConfigOption.string(
          "sluice.sql.columnNameOfCorruptRecord",
          "_corrupt_record",
          "Column that receives malformed records in PERMISSIVE mode.",
          "0.1.0");
  public static final ConfigOption<Long> FILES_MAX_PARTITION_BYTES =
      ConfigOption.bytes(
          "sluice.sql.files.maxPartitionBytes",
          128L * 1024 * 1024,
          "Largest number of bytes of files packed into one partition when reading file"
              + " sources; splittable files are cut at this size.",
          "0.1.0");
  public static final ConfigOption<Long> FILES_OPEN_COST_IN_BYTES =
      ConfigOption.bytes(
          "sluice.sql.files.openCostInBytes",
          4L * 1024 * 1024,
          "Estimated cost of opening a file, in bytes that could be read in the same time;"
              + " used when packing small files into partitions.",
          "0.1.0");
  public static final ConfigOption<Boolean> PARTITION_COLUMN_TYPE_INFERENCE =
      ConfigOption.bool(
          "sluice.sql.sources.partitionColumnTypeInference.enabled",
          true,
          "Infer the types of partition columns discovered from key=value directories (int,"
              + " bigint, decimal, double, timestamp, date); when off they are strings.",
          "0.1.0");
  public static final ConfigOption<String> PARTITION_OVERWRITE_MODE =
      ConfigOption.oneOf(
          "sluice.sql.sources.partitionOverwriteMode",
          "STATIC",
          "What an overwrite of a partitioned file write replaces: STATIC, everything in the"
              + " directory; DYNAMIC, only the partition directories it writes rows to. The"
              + " writer option partitionOverwriteMode overrides it.",
          "0.1.0",
          "STATIC",
          "DYNAMIC");
  public static final ConfigOption<Long> FILES_MAX_RECORDS_PER_FILE =
      ConfigOption.longValue(
          "sluice.sql.files.maxRecordsPerFile",
          0L,
          "Most rows a file write puts in one file (a task then starts the next file: c000,"
              + " c001...); 0 or less for no limit. The writer option maxRecordsPerFile overrides"
              + " it.",
          "0.1.0");
  public static final ConfigOption<Long> FILES_MAX_BYTES_PER_FILE =
      ConfigOption.bytes(
          "sluice.sql.files.maxBytesPerFile",
          0L,
          "Size (bytes, or with a unit such as 128m) after which a file write starts the next"
              + " file; a file ends at the first batch of rows that reaches it. 0 for no limit."
              + " Sluice's own (Spark has none); the writer option maxBytesPerFile overrides it.",
          "0.1.0");
  public static final ConfigOption<Boolean> CSV_PARSER_COLUMN_PRUNING =
      ConfigOption.bool(
          "sluice.sql.csv.parser.columnPruning.enabled",
          true,
          "Convert only the CSV columns a query reads. Then a row is malformed only when a read"
              + " column fails to convert (not for a wrong number of tokens), unless the"
              + " corrupt-record column is read.",
          "0.1.0");

  public static final ConfigOption<Integer> OPTIMIZER_MAX_ITERATIONS =
      ConfigOption.integer(
          "sluice.sql.optimizer.maxIterations",
          100,
          "The most passes the optimizer makes over a plan in each batch of rules run to a"
              + " fixpoint.",
          "0.1.0");

  public static final ConfigOption<Boolean> LEGACY_SIZE_OF_NULL =
      ConfigOption.bool(
          "sluice.sql.legacy.sizeOfNull",
          true,
          "When true and ANSI mode is off, size(null) returns -1 instead of null (Spark's"
              + " legacy behaviour); with ANSI mode on, size(null) is always null.",
          "0.1.0");

  public static final ConfigOption<String> MAP_KEY_DEDUP_POLICY =
      ConfigOption.oneOf(
          "sluice.sql.mapKeyDedupPolicy",
          "EXCEPTION",
          "What building a map (map, map_from_arrays, transform_keys) does with a key it already"
              + " holds: EXCEPTION raises DUPLICATED_MAP_KEY; LAST_WIN keeps the key where it"
              + " first appeared with the value given last.",
          "0.1.0",
          "EXCEPTION",
          "LAST_WIN");

  private static final Map<String, ConfigOption<?>> OPTIONS = declaredOptions();

  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final int workerThreads;

  public SQLConf(int workerThreads) {
    this.workerThreads = workerThreads;
  }

  /** An independent copy with the same values (a streaming query's settings at its start). */
  public SQLConf copy() {
    SQLConf c = new SQLConf(workerThreads);
    c.values.putAll(values);
    return c;
  }

  /** Every declared option by key, in key order. */
  public static Map<String, ConfigOption<?>> options() {
    return Collections.unmodifiableMap(OPTIONS);
  }

  /** Maps a {@code spark.*} key to its {@code sluice.*} spelling; other keys are unchanged. */
  public static String normalizeKey(String key) {
    return key.startsWith("spark.") ? "sluice." + key.substring("spark.".length()) : key;
  }

  public static Optional<ConfigOption<?>> lookup(String key) {
    return Optional.ofNullable(OPTIONS.get(normalizeKey(key)));
  }

  /** Sets a value; a declared option's value is validated now, naming the key on error. */
  public void set(String key, String value) {
    String k = normalizeKey(key);
    ConfigOption<?> option = OPTIONS.get(k);
    if (option != null) {
      option.parse(value);
    }
    values.put(k, value);
  }

  public <T> void set(ConfigOption<T> option, T value) {
    values.put(option.key(), String.valueOf(value));
  }

  public void unset(String key) {
    values.remove(normalizeKey(key));
  }

  /** The value of an option, or its default. */
  public <T> T get(ConfigOption<T> option) {
    String v = values.get(option.key());
    return v == null ? option.defaultValue() : option.parse(v);
  }

  /** The textual value of any key, declared or not. */
  public Optional<String> getString(String key) {
    String k = normalizeKey(key);
    String v = values.get(k);
    if (v != null) return Optional.of(v);
    ConfigOption<?> o = OPTIONS.get(k);
    if (o != null && o.defaultValue() != null) return Optional.of(String.valueOf(o.defaultValue()));
    if (k.equals(SHUFFLE_PARTITIONS.key())) return Optional.of(String.valueOf(shufflePartitions()));
    return Optional.empty();
  }

  /** Every explicitly set value. */
  public Map<String, String> getAll() {
    return new TreeMap<>(values);
  }

  public int workerThreads() {
    return workerThreads;
  }

  public int shufflePartitions() {
    Integer n = get(SHUFFLE_PARTITIONS);
    return n == null ? 2 * workerThreads : n;
  }

  public boolean ansiEnabled() {
    return get(ANSI_ENABLED);
  }

  public boolean caseSensitive() {
    return get(CASE_SENSITIVE);
  }

  public String sessionTimeZone() {
    return get(SESSION_TIME_ZONE);
  }

  public int batchSize() {
    return get(BATCH_SIZE);
  }

  private static Map<String, ConfigOption<?>> declaredOptions() {
    Map<String, ConfigOption<?>> m = new LinkedHashMap<>();
    for (Class<?> holder : new Class<?>[] {SQLConf.class, StreamingConf.class}) {
      collectOptions(holder, m);
    }
    return new TreeMap<>(m);
  }

  private static void collectOptions(Class<?> holder, Map<String, ConfigOption<?>> m) {
    for (Field f : holder.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
        try {
          ConfigOption<?> o = (ConfigOption<?>) f.get(null);
          m.put(o.key(), o);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
