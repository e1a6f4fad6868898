/**
 * The JSON file source, {@code format("json")}, with Spark's semantics: JSON lines split at byte
 * offsets (or one document per file with {@code multiLine}), the {@code PERMISSIVE} / {@code
 * DROPMALFORMED} / {@code FAILFAST} modes with Spark 4's partial results and the corrupt record
 * column, Spark's schema inference and its options; as a stream of new files and as the streaming
 * file sink ({@code JsonRecordWriter}: JSON lines as {@code to_json} writes rows).
 *
 * <p>Reading is schema-guided streaming: {@link io.sluice.connector.json.JsonPartitionReader}
 * drives one Jackson parser per chunk of lines and converts tokens straight into column vectors
 * with the value writers of {@code io.sluice.exec.json} (shared with {@code from_json}), skipping
 * unrequested fields without materializing them.
 *
 * <p>Depends on the connector SPI, {@code io.sluice.connector.file}, {@code io.sluice.exec.json},
 * vectors, types, config and errors.
 */
package io.sluice.connector.json;
