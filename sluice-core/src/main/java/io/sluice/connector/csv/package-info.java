/**
 * The CSV file source, {@code format("csv")}, with Spark's semantics: its options (header,
 * separators of one or more characters, quote and escape rules, comments, null / empty / NaN texts,
 * whitespace trimming, date and timestamp patterns, {@code multiLine}), schema inference and header
 * checks, and the {@code PERMISSIVE} / {@code DROPMALFORMED} / {@code FAILFAST} modes with the
 * corrupt-record column. Also a stream of new files and the streaming file sink ({@code
 * CsvRecordWriter} with Spark's write options and defaults: header, quoting, trimmed values, null
 * and empty texts).
 *
 * <p>Reading works on UTF-8 bytes: {@link io.sluice.connector.csv.CsvTokenizer} finds each record's
 * values without copying them (only values with escapes are resolved into a scratch buffer), and
 * {@link io.sluice.connector.csv.ColumnConverter}s convert the read columns a column at a time
 * straight into vectors; columns a query does not read are not converted.
 *
 * <p>Differences from Spark (Univocity): quote, escape, {@code charToEscapeQuoteEscaping} and
 * comment must be ASCII characters and the locale English; line breaks inside quoted values are
 * kept as they are (Univocity may normalize {@code \r\n}); {@code BACK_TO_DELIMITER} ends a value
 * with a stray quote at the first delimiter after its opening quote; a record that cannot be
 * tokenized ({@code maxColumns}, {@code maxCharsPerColumn}, {@code RAISE_ERROR}) fails the read
 * with {@code FAILED_READ_FILE} whatever the mode, as a Univocity error does in Spark.
 *
 * <p>Depends on the connector SPI, {@code io.sluice.connector.file}, vectors, types, config, errors
 * and {@code io.sluice.exec.expr.DateTimes}.
 */
package io.sluice.connector.csv;
