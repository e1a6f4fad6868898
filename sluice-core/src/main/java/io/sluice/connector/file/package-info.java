/**
 * Shared machinery of the file sources (JSON, CSV, text; Parquet later): resolving user paths with
 * globs and directories into files ({@link io.sluice.connector.file.FileListing}), packing files
 * and byte ranges into partitions ({@link io.sluice.connector.file.FilePartitioner}), reading the
 * lines a byte range owns ({@link io.sluice.connector.file.LineSplitReader}), case-insensitive
 * source options ({@link io.sluice.connector.file.SourceOptions}) and the options every file source
 * shares ({@link io.sluice.connector.file.FileSourceOptions}, {@link
 * io.sluice.connector.file.RecordParseOptions}), Spark's partition discovery ({@link
 * io.sluice.connector.file.FileListing#index}), the scan over partitions ({@link
 * io.sluice.connector.file.FileBatchScan}), and what record-parsing formats share: the parse modes,
 * the corrupt-record and partition columns of a read schema ({@link
 * io.sluice.connector.file.ReadColumns}), type merging for schema inference, and the fast and
 * pattern-based parsing of numbers, dates and timestamps.
 *
 * <p>Streaming: {@link io.sluice.connector.file.FileFormatProvider} makes a format a batch and a
 * streaming source; {@link io.sluice.connector.file.FileStreamSource} (with its log of seen files
 * in the checkpoint, {@code FileSourceLog}) is the file stream source, and {@link
 * io.sluice.connector.file.FileStreamSink} the file sink with its exactly-once manifest {@link
 * io.sluice.connector.file.FileSinkLog}, which {@link io.sluice.connector.file.FileListing} honours
 * when it lists a sink's output directory.
 *
 * <p>Depends on the connector SPI, types, config, errors, vectors, {@code io.sluice.exec.expr}
 * ({@code DateTimes} for dates and timestamps in the lenient forms of a cast, the string cast of
 * partition values) and {@code io.sluice.streaming.checkpoint.CheckpointFiles} (atomic writes of
 * the logs).
 */
package io.sluice.connector.file;
