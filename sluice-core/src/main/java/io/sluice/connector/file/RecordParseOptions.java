package io.sluice.connector.file;

import io.sluice.config.SQLConf;
import java.time.format.DateTimeFormatter;

/**
 * The options of file sources that parse records into typed columns (JSON, CSV): {@code mode},
 * {@code columnNameOfCorruptRecord}, {@code multiLine}, {@code dateFormat}, {@code timestampFormat}
 * and {@code samplingRatio}, on top of {@link FileSourceOptions}.
 */
public class RecordParseOptions extends FileSourceOptions {
  public final ParseMode mode;
  public final String columnNameOfCorruptRecord;
  public final boolean multiLine;

  /** A {@code timestampFormat} pattern, or null for Spark's lenient default parsing. */
  public final DateTimeFormatter timestampFormat;

  /** A {@code dateFormat} pattern, or null for Spark's lenient default parsing. */
  public final DateTimeFormatter dateFormat;

  public final double samplingRatio;

  protected RecordParseOptions(SourceOptions o, SQLConf conf, int maxLineSepChars) {
    super(o, conf, maxLineSepChars);
    mode = ParseMode.fromOptions(o);
    columnNameOfCorruptRecord =
        o.getString("columnNameOfCorruptRecord", conf.get(SQLConf.COLUMN_NAME_OF_CORRUPT_RECORD));
    multiLine = o.getBoolean("multiLine", false);
    timestampFormat = DateTimeText.formatter(o, "timestampFormat");
    dateFormat = DateTimeText.formatter(o, "dateFormat");
    samplingRatio = o.getDouble("samplingRatio", 1.0);
    if (!(samplingRatio > 0 && samplingRatio <= 1)) {
      throw o.invalid(
          "samplingRatio",
          o.get("samplingRatio").orElse(""),
          "it must be greater than 0 and at most 1");
    }
  }
}
