/**
 * The text file source, {@code format("text")}: a {@code value} string per line (files split at
 * byte offsets; {@code lineSep}), or per file with {@code wholetext}; in batch and as a stream of
 * new files.
 *
 * <p>Depends on the connector SPI, {@code io.sluice.connector.file}, vectors, types and errors.
 */
package io.sluice.connector.text;
