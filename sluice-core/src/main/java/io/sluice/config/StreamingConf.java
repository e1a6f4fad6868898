package io.sluice.config;

/**
 * The options of the streaming engine, declared once each; values live in the session's {@link
 * SQLConf} like every other option ({@code spark.*} keys are aliases).
 */
public final class StreamingConf {
  private StreamingConf() {}

  public static final ConfigOption<String> CHECKPOINT_LOCATION =
      ConfigOption.string(
          "sluice.sql.streaming.checkpointLocation",
          null,
          "Directory under which a query without its own checkpointLocation option keeps its"
              + " checkpoint, in a sub-directory named after the query.",
          "0.1.0");
  public static final ConfigOption<Integer> MIN_BATCHES_TO_RETAIN =
      ConfigOption.integer(
          "sluice.sql.streaming.minBatchesToRetain",
          100,
          "How many of the latest batches' offset and commit log entries (and state versions) a"
              + " checkpoint keeps; older ones are deleted.",
          "0.1.0");
  public static final ConfigOption<Integer> NUM_RECENT_PROGRESS_UPDATES =
      ConfigOption.integer(
          "sluice.sql.streaming.numRecentProgressUpdates",
          100,
          "How many progress updates StreamingQuery.recentProgress keeps.",
          "0.1.0");
  public static final ConfigOption<Long> NO_DATA_PROGRESS_EVENT_INTERVAL =
      ConfigOption.longValue(
          "sluice.sql.streaming.noDataProgressEventInterval",
          10_000L,
          "Milliseconds between progress events of an idle query (one that finds no new data).",
          "0.1.0");
  public static final ConfigOption<Long> POLLING_DELAY =
      ConfigOption.longValue(
          "sluice.sql.streaming.pollingDelay",
          10L,
          "Milliseconds a query with the default trigger waits before it looks for new data"
              + " again when it found none (sources that signal new data wake it earlier).",
          "0.1.0");
  public static final ConfigOption<Boolean> NO_DATA_MICRO_BATCHES =
      ConfigOption.bool(
          "sluice.sql.streaming.noDataMicroBatches.enabled",
          true,
          "Run a micro-batch without new data when the watermark moved, so stateful operators"
              + " emit results and evict state.",
          "0.1.0");
  public static final ConfigOption<Boolean> SCHEMA_INFERENCE =
      ConfigOption.bool(
          "sluice.sql.streaming.schemaInference",
          false,
          "Infer the schema of file sources in streaming queries instead of requiring one.",
          "0.1.0");
  public static final ConfigOption<String> MULTIPLE_WATERMARK_POLICY =
      ConfigOption.string(
          "sluice.sql.streaming.multipleWatermarkPolicy",
          "min",
          "How the global watermark is chosen from several inputs' watermarks: min or max.",
          "0.1.0");
  public static final ConfigOption<Boolean> CHECKPOINT_FSYNC =
      ConfigOption.bool(
          "sluice.sql.streaming.checkpoint.fsync",
          false,
          "Force offset and commit log files to the storage device before they are renamed into"
              + " place. Off by default, as Spark's checkpoint on a local file system; a"
              + " rename is still atomic, so a killed process never leaves a partial file.",
          "0.1.0");
  public static final ConfigOption<Integer> FILE_SINK_LOG_COMPACT_INTERVAL =
      ConfigOption.integer(
          "sluice.sql.streaming.fileSink.log.compactInterval",
          10,
          "Every how many batches the file sink's manifest log is compacted into one file.",
          "0.1.0");
  public static final ConfigOption<Boolean> FILE_SINK_LOG_DELETION =
      ConfigOption.bool(
          "sluice.sql.streaming.fileSink.log.deletion",
          true,
          "Delete the file sink's manifest files that a compaction made obsolete (after the"
              + " cleanup delay); when off they are kept for good.",
          "0.1.0");
  public static final ConfigOption<Long> FILE_SINK_LOG_CLEANUP_DELAY =
      ConfigOption.longValue(
          "sluice.sql.streaming.fileSink.log.cleanupDelay",
          600_000L,
          "How long (ms) an obsolete manifest file is kept after a compaction, so readers that"
              + " listed it can still read it.",
          "0.1.0");
  public static final ConfigOption<Integer> FILE_SOURCE_LOG_COMPACT_INTERVAL =
      ConfigOption.integer(
          "sluice.sql.streaming.fileSource.log.compactInterval",
          10,
          "Every how many batches the file source's log of seen files is compacted.",
          "0.1.0");
  public static final ConfigOption<Boolean> UNSUPPORTED_OPERATION_CHECK =
      ConfigOption.bool(
          "sluice.sql.streaming.unsupportedOperationCheck",
          true,
          "Check at writeStream().start() that a streaming query uses only operations supported"
              + " on streams in its output mode, and reject it otherwise (as Spark).",
          "0.1.0");
  public static final ConfigOption<Boolean> STATEFUL_OPERATOR_CHECK_CORRECTNESS =
      ConfigOption.bool(
          "sluice.sql.streaming.statefulOperator.checkCorrectness.enabled",
          true,
          "Reject a query whose stateful operator follows one that can emit rows older than the"
              + " watermark (e.g. an aggregation in update mode), whose rows the later operator"
              + " could drop as late. When false the query only logs a warning.",
          "0.1.0");

  public static final ConfigOption<String> STATE_STORE_PROVIDER_CLASS =
      ConfigOption.string(
          "sluice.sql.streaming.stateStore.providerClass",
          "io.sluice.state.InMemoryStateStoreProvider",
          "The state store provider class. Spark's HDFSBackedStateStoreProvider and"
              + " RocksDBStateStoreProvider class names are accepted as aliases.",
          "0.1.0");
  public static final ConfigOption<Integer> STATE_STORE_MIN_DELTAS_FOR_SNAPSHOT =
      ConfigOption.integer(
          "sluice.sql.streaming.stateStore.minDeltasForSnapshot",
          10,
          "How many delta files of a state store accumulate before maintenance writes a snapshot.",
          "0.1.0");
  public static final ConfigOption<String> STATE_STORE_COMPRESSION_CODEC =
      ConfigOption.string(
          "sluice.sql.streaming.stateStore.compression.codec",
          "lz4",
          "Compression of state store files: lz4, zstd or none.",
          "0.1.0");
  public static final ConfigOption<Long> STATE_STORE_MAINTENANCE_INTERVAL =
      ConfigOption.longValue(
          "sluice.sql.streaming.stateStore.maintenanceInterval",
          60_000L,
          "Milliseconds between background maintenance runs of the state stores (snapshots and"
              + " cleanup).",
          "0.1.0");
}
