package io.sluice.connector.file;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.util.Locale;

/** How a file source treats malformed records: Spark's {@code mode} option. */
public enum ParseMode {
  /** Keep the record: fields that failed are null, the raw text goes to the corrupt column. */
  PERMISSIVE,
  /** Drop the record. */
  DROPMALFORMED,
  /** Fail the query with {@code MALFORMED_RECORD_IN_PARSING}. */
  FAILFAST;

  /** The mode named by the {@code mode} option (any case); PERMISSIVE when absent. */
  public static ParseMode fromOptions(SourceOptions options) {
    String v = options.get("mode").orElse(null);
    if (v == null) return PERMISSIVE;
    try {
      return valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw options.invalid("mode", v, "it must be one of PERMISSIVE, DROPMALFORMED, FAILFAST");
    }
  }

  /** FAILFAST's error for a malformed record: {@code MALFORMED_RECORD_IN_PARSING} naming it. */
  public static SluiceRuntimeException malformedRecord(String badRecord, SourceFile file) {
    return new SluiceRuntimeException(
        ErrorClass.MALFORMED_RECORD_IN_FILE,
        SluiceException.params("badRecord", badRecord, "path", file.uri()));
  }
}
