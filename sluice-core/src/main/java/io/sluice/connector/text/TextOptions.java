package io.sluice.connector.text;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.FileSourceOptions;
import io.sluice.connector.file.SourceOptions;

/** The options of the text source: {@code wholetext} and {@code lineSep}, plus the shared ones. */
final class TextOptions extends FileSourceOptions {
  /** One row per file holding its whole content, instead of one per line. */
  final boolean wholeText;

  TextOptions(SourceOptions o, SQLConf conf) {
    super(o, conf, 0);
    checkUtf8(o, "text");
    wholeText = o.getBoolean("wholetext", false);
  }
}
