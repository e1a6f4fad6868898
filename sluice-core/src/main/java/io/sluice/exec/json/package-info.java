/**
 * JSON text to Sluice values, shared by the JSON file source ({@code io.sluice.connector.json}) and
 * the JSON functions ({@code from_json}, {@code to_json}, {@code schema_of_json}, {@code
 * get_json_object} in {@code io.sluice.exec.expr.fn}): schema-guided streaming parsing with Jackson
 * straight into column vectors, Spark's conversion rules per type, its malformed-record modes and
 * partial results, and its type inference.
 *
 * <p>Value writers ({@link io.sluice.exec.json.Writers#forType}) are built once per schema and
 * convert tokens into vectors without materializing a tree; field names are matched in place
 * against the previous record's keys ({@link io.sluice.exec.json.FieldLookup}), and strings and
 * timestamps are taken from the raw UTF-8 bytes when they hold no escapes ({@link
 * io.sluice.exec.json.ReadContext}).
 *
 * <p>Depends on vectors, types, errors, {@code io.sluice.exec.expr} and what the file sources share
 * in {@code io.sluice.connector.file}: the option map {@code SourceOptions}, {@code ParseMode},
 * datetime and number text, and type merging ({@code InferredTypes}); never on the JSON source
 * itself ({@code PackageDirectionsTest} checks it).
 */
package io.sluice.exec.json;
