package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.Locale;

/**
 * What a batch write ({@code df.write()}) does when its destination already holds data, as Spark's
 * {@code SaveMode}.
 */
public enum SaveMode {
  /** Adds the rows to what is there. */
  Append,
  /** Replaces what is there. */
  Overwrite,
  /** Fails when the destination exists (the default). */
  ErrorIfExists,
  /** Writes nothing when the destination exists. */
  Ignore;

  /**
   * The mode named {@code name}, case-insensitive, as Spark accepts it: {@code append}, {@code
   * overwrite}, {@code error}, {@code errorifexists}, {@code default} or {@code ignore}.
   */
  public static SaveMode fromName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "append" -> Append;
      case "overwrite" -> Overwrite;
      case "error", "errorifexists", "default" -> ErrorIfExists;
      case "ignore" -> Ignore;
      default ->
          throw new SluiceIllegalArgumentException(
              ErrorClass.INVALID_OPTION_VALUE,
              SluiceException.params(
                  "value",
                  name,
                  "option",
                  "mode",
                  "reason",
                  "use append, overwrite, error (errorifexists) or ignore"));
    };
  }
}
