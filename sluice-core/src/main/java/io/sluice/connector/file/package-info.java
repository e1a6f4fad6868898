/**
 * Shared machinery of the file sources (JSON today; CSV, text and Parquet later): resolving
 * user paths with globs and directories into files ({@link io.sluice.connector.file.FileListing}),
 * packing files and byte ranges into partitions ({@link io.sluice.connector.file.FilePartitioner}),
 * reading the lines a byte range owns ({@link io.sluice.connector.file.LineSplitReader}) and
 * case-insensitive source options ({@link io.sluice.connector.file.SourceOptions}).
 *
 * <p>Depends on the connector SPI, config and error classes only.
 */
package io.sluice.connector.file;
