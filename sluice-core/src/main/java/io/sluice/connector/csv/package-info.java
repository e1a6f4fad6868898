/**
 * The CSV file source, {@code format("csv")}, with Spark's semantics: its options (header,
 * separators of one or more characters, quote and escape rules, comments, null / empty / NaN
 * texts, whitespace trimming, date and timestamp patterns, {@code multiLine}), schema inference
 * and header checks, and the {@code PERMISSIVE} / {@code DROPMALFORMED} / {@code FAILFAST}
 * modes with the corrupt-record column.
 *
 * <p>Reading works on UTF-8 bytes: {@link io.sluice.connector.csv.CsvTokenizer} finds each
 * record's values without copying them (only values with escapes are resolved into a scratch
 * buffer), and {@link io.sluice.connector.csv.ColumnConverter}s convert the read columns a
 * column at a time straight into vectors; columns a query does not read are not converted.
 *
 * <p>Depends on the connector SPI, {@code io.sluice.connector.file}, vectors, types, config,
 * errors and {@code io.sluice.exec.expr.DateTimes}.
 */
package io.sluice.connector.csv;
