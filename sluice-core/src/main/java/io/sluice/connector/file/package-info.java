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
 * <p>Depends on the connector SPI, types, config, errors, vectors and {@code
 * io.sluice.exec.expr.DateTimes} (dates and timestamps in the lenient forms of a cast).
 */
package io.sluice.connector.file;
