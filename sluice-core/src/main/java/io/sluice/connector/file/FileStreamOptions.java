package io.sluice.connector.file;

import io.sluice.connector.ReadLimit;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.types.IntervalText;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of the streaming file source, with Spark's names and defaults: {@code
 * maxFilesPerTrigger}, {@code maxBytesPerTrigger} (not both), {@code latestFirst}, {@code
 * maxFileAge} (default {@code 7d}, measured from the newest file seen, ignored when {@code
 * latestFirst} is set with a per-trigger limit), {@code fileNameOnly}, {@code cleanSource} ({@code
 * off}, {@code archive} with {@code sourceArchiveDir}, {@code delete}), and the cache of listed
 * files not yet admitted ({@code maxCachedFiles}, {@code discardCachedInputRatio}). A bad value
 * fails with {@code STREAMING_SOURCE_OPTION_INVALID} naming the option.
 */
public final class FileStreamOptions {
  /** What happens to a source file once the batch that read it is committed. */
  public enum CleanSource {
    OFF,
    ARCHIVE,
    DELETE
  }

  private static final Pattern TIME = Pattern.compile("(-?[0-9]+)\\s*([a-z]*)");

  /** At most this many new files per batch; 0 for no limit. */
  final int maxFilesPerTrigger;

  /** At most about this many bytes of new files per batch (at least one file); 0 for no limit. */
  final long maxBytesPerTrigger;

  final boolean latestFirst;
  final long maxFileAgeMs;
  final boolean fileNameOnly;
  final CleanSource cleanSource;

  /** Where {@code archive} moves files, or null. */
  final Path sourceArchiveDir;

  final int maxCachedFiles;
  final double discardCachedInputRatio;

  private final SourceOptions options;
  private final String format;

  /**
   * @param sourcePath the source's directory or glob, for the check of {@code sourceArchiveDir}
   */
  FileStreamOptions(SourceOptions o, String format, Path sourcePath) {
    this.options = o;
    this.format = format;
    maxFilesPerTrigger = positiveInt("maxFilesPerTrigger");
    maxBytesPerTrigger = positiveBytes("maxBytesPerTrigger");
    if (maxFilesPerTrigger > 0 && maxBytesPerTrigger > 0) {
      throw invalid(
          "maxBytesPerTrigger",
          o.get("maxBytesPerTrigger").orElse(""),
          "the options maxFilesPerTrigger and maxBytesPerTrigger cannot both be set; choose one");
    }
    latestFirst = bool("latestFirst");
    fileNameOnly = bool("fileNameOnly");
    maxFileAgeMs = duration("maxFileAge", "7d");
    cleanSource = cleanSource();
    String archive = o.get("sourceArchiveDir").orElse(null);
    if (cleanSource == CleanSource.ARCHIVE && (archive == null || archive.isBlank())) {
      throw invalid(
          "sourceArchiveDir",
          "(none)",
          "cleanSource 'archive' moves processed files there, so it must be given");
    }
    sourceArchiveDir =
        cleanSource == CleanSource.ARCHIVE ? FileListing.toLocalPath(archive).normalize() : null;
    if (sourceArchiveDir != null) checkArchiveDir(sourcePath);
    int cached = o.getInt("maxCachedFiles", 10_000);
    if (cached < 0) throw invalid("maxCachedFiles", String.valueOf(cached), "it must be >= 0");
    maxCachedFiles = cached;
    double ratio = o.getDouble("discardCachedInputRatio", 0.2);
    if (!(ratio >= 0 && ratio <= 1)) {
      throw invalid("discardCachedInputRatio", String.valueOf(ratio), "it must be between 0 and 1");
    }
    discardCachedInputRatio = ratio;
  }

  /** The per-trigger limit the options ask for. */
  ReadLimit readLimit() {
    if (maxFilesPerTrigger > 0) return new ReadLimit.MaxFiles(maxFilesPerTrigger);
    if (maxBytesPerTrigger > 0) return new ReadLimit.MaxBytes(maxBytesPerTrigger);
    return ReadLimit.allAvailable();
  }

  /**
   * The age (behind the newest file seen) beyond which a file is ignored: {@code maxFileAge}, or no
   * limit when {@code latestFirst} is set with a per-trigger limit (Spark's rule: the old files
   * left behind by each batch must still be read later).
   */
  long effectiveMaxFileAgeMs() {
    boolean limited = maxFilesPerTrigger > 0 || maxBytesPerTrigger > 0;
    return latestFirst && limited ? Long.MAX_VALUE : maxFileAgeMs;
  }

  /** The error for a bad value of option {@code key}. */
  SluiceIllegalArgumentException invalid(String key, String value, String reason) {
    return new SluiceIllegalArgumentException(
        ErrorClass.STREAMING_SOURCE_OPTION_INVALID,
        SluiceException.params(
            "value", value, "option", options.keyAsGiven(key), "format", format, "reason", reason));
  }

  private int positiveInt(String key) {
    String v = options.get(key).orElse(null);
    if (v == null) return 0;
    try {
      int n = Integer.parseInt(v.trim());
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, v, "it must be a positive integer");
  }

  private long positiveBytes(String key) {
    String v = options.get(key).orElse(null);
    if (v == null) return 0;
    try {
      long n = io.sluice.config.ConfigOption.parseBytes(v);
      if (n > 0) return n;
    } catch (RuntimeException e) {
      // reported below
    }
    throw invalid(key, v, "it must be a positive size in bytes such as 1048576, 10m or 1g");
  }

  private boolean bool(String key) {
    String v = options.get(key).orElse(null);
    if (v == null) return false;
    if (v.trim().equalsIgnoreCase("true")) return true;
    if (v.trim().equalsIgnoreCase("false")) return false;
    throw invalid(key, v, "it must be 'true' or 'false'");
  }

  private long duration(String key, String defaultValue) {
    String v = options.get(key).orElse(defaultValue);
    long ms = parseDurationMs(v);
    if (ms < 0) throw invalid(key, v, "it must be a duration such as 7d, 12h, 30m or 1000ms");
    return ms;
  }

  /**
   * Spark's time strings ({@code 7d}, {@code 12h}, {@code 30m}, {@code 10s}, {@code 500ms}, a bare
   * number of milliseconds) or interval text ({@code 7 days}); -1 when it is neither.
   */
  static long parseDurationMs(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = TIME.matcher(t);
    if (m.matches()) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        return -1;
      }
      long unit =
          switch (m.group(2)) {
            case "", "ms", "msec", "millis" -> 1L;
            case "us", "usec", "micros" -> -1000L;
            case "s", "sec", "secs", "second", "seconds" -> 1000L;
            case "m", "min", "mins", "minute", "minutes" -> 60_000L;
            case "h", "hour", "hours" -> 3_600_000L;
            case "d", "day", "days" -> 86_400_000L;
            default -> 0L;
          };
      if (unit < 0) return n < 0 ? -1 : n / -unit;
      if (unit > 0) return n < 0 ? -1 : Math.multiplyExact(n, unit);
    }
    try {
      long micros = IntervalText.parseDurationMicros(t);
      return micros < 0 ? -1 : micros / 1000;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return -1;
    }
  }

  private CleanSource cleanSource() {
    String v = options.get("cleanSource").orElse("off");
    try {
      return CleanSource.valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("cleanSource", v, "it must be one of archive, delete, off");
    }
  }

  /**
   * Spark's rule: the archive directory must not match the source path or glob at the depth of the
   * shorter of the two, so archived files can never be listed as new source files.
   */
  private void checkArchiveDir(Path sourcePath) {
    Path source = sourcePath.normalize();
    int depth = Math.min(source.getNameCount(), sourceArchiveDir.getNameCount());
    for (int i = 0; i < depth; i++) {
      String pattern = source.getName(i).toString();
      String name = sourceArchiveDir.getName(i).toString();
      boolean matches =
          GlobPattern.hasGlob(pattern)
              ? GlobPattern.compile(pattern).matches(name)
              : pattern.equals(name);
      if (!matches) return;
    }
    throw invalid(
        "sourceArchiveDir",
        sourceArchiveDir.toString(),
        "it lies in (or matches) the source path "
            + source
            + ", so archived files would be read again; choose a directory outside it");
  }
}
