/**
 * Shared machinery of the file sources (JSON today; CSV, text and Parquet later): resolving
 * user paths with globs and directories into files ({@link io.sluice.connector.file.FileListing}),
 * packing files and byte ranges into partitions ({@link io.sluice.connector.file.FilePartitioner}),
 * reading the lines a byte range owns ({@link io.sluice.connector.file.LineSplitReader}),
 * case-insensitive source options ({@link io.sluice.connector.file.SourceOptions}) and Spark's
 * partition discovery ({@link io.sluice.connector.file.FileListing#index}).
 *
 * <p>Depends on types, config, errors and {@code io.sluice.exec.expr.DateTimes} (partition
 * values that are dates or timestamps).
 */
package io.sluice.connector.file;
