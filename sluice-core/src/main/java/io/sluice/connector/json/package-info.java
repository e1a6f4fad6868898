/**
 * The JSON file source, {@code format("json")}, with Spark's semantics: JSON lines split at byte
 * offsets (or one document per file with {@code multiLine}), the {@code PERMISSIVE} /
 * {@code DROPMALFORMED} / {@code FAILFAST} modes with Spark 4's partial results and the corrupt
 * record column, Spark's schema inference and its options.
 *
 * <p>Reading is schema-guided streaming: {@link io.sluice.connector.json.JsonPartitionReader}
 * drives one Jackson parser per chunk of lines, and value writers built once per read schema
 * convert tokens straight into column vectors, skipping unrequested fields without materializing
 * them. Field names are matched in place against the previous record's keys, and strings and
 * timestamps are taken from the raw UTF-8 bytes when they hold no escapes.
 *
 * <p>Depends on the connector SPI, {@code io.sluice.connector.file}, vectors, types, config,
 * errors and {@code io.sluice.exec.expr.DateTimes}.
 */
package io.sluice.connector.json;
