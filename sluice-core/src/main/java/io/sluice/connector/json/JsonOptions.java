package io.sluice.connector.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.sluice.config.SQLConf;
import io.sluice.connector.file.RecordParseOptions;
import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.json.JsonParseOptions;

/**
 * The options of the JSON source, parsed and checked once per scan. Keys are case-insensitive;
 * defaults are Spark's. A bad value fails with {@code INVALID_OPTION_VALUE} naming the option. The
 * options all file sources share are in {@link RecordParseOptions}; those of parsing JSON, shared
 * with {@code from_json}, in {@link JsonParseOptions}.
 */
public final class JsonOptions extends RecordParseOptions {
  /** The parsing and inference options, shared with the JSON functions. */
  final JsonParseOptions parse;

  final boolean dropFieldIfAllNull;

  JsonOptions(SourceOptions o, SQLConf conf) {
    super(o, conf, 0);
    checkUtf8(o, "JSON");
    parse = new JsonParseOptions(o, this);
    dropFieldIfAllNull = parse.dropFieldIfAllNull();
  }

  /** The Jackson factory with the {@code allow*} features; thread-safe, shared by readers. */
  JsonFactory factory() {
    return parse.factory();
  }
}
