package io.sluice.connector.csv;

import io.sluice.connector.file.SourceFile;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The header line of CSV files: the column names Spark derives from it, and Spark's check of a
 * file's header against the schema ({@code enforceSchema}).
 */
final class CsvHeader {
  private static final Logger LOG = LoggerFactory.getLogger(CsvHeader.class);

  private CsvHeader() {}

  /** The values of the tokenized record as text; an unquoted empty value reads as nullValue. */
  static String[] values(CsvTokenizer t, byte[] buf, CsvOptions o) {
    String[] out = new String[t.count()];
    for (int k = 0; k < out.length; k++) {
      int len = t.length(k);
      if (len < 0) {
        out[k] = new String(o.nullValue, StandardCharsets.UTF_8);
      } else {
        out[k] =
            new String(t.inScratch(k) ? t.scratch() : buf, t.start(k), len, StandardCharsets.UTF_8);
      }
    }
    return out;
  }

  /**
   * Spark's column names for a first record: with {@code header}, its values — {@code _c<i>} for an
   * empty or null value, and the value with its index appended for names that occur more than once
   * (ignoring case unless case-sensitive); without, {@code _c0, _c1, ...}.
   */
  static String[] columnNames(String[] first, CsvOptions o) {
    String[] names = new String[first.length];
    if (!o.header) {
      for (int i = 0; i < names.length; i++) names[i] = "_c" + i;
      return names;
    }
    String nullValue = new String(o.nullValue, StandardCharsets.UTF_8);
    Map<String, Integer> seen = new HashMap<>();
    for (String v : first) seen.merge(key(v, o.caseSensitive), 1, Integer::sum);
    for (int i = 0; i < names.length; i++) {
      String v = first[i];
      if (v.isEmpty() || v.equals(nullValue)) {
        names[i] = "_c" + i;
      } else if (seen.get(key(v, o.caseSensitive)) > 1) {
        names[i] = v + i;
      } else {
        names[i] = v;
      }
    }
    return names;
  }

  private static String key(String name, boolean caseSensitive) {
    return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
  }

  /**
   * Checks a file's header against the data columns: on a mismatch, a warning with {@code
   * enforceSchema} (the schema is applied by position), else {@code FAILED_READ_FILE} whose cause
   * says how they differ.
   */
  static void check(String[] header, StructType dataColumns, CsvOptions o, SourceFile file) {
    String message = mismatch(header, dataColumns, o.caseSensitive);
    if (message == null) return;
    message = message + "\nCSV file: " + file.uri();
    if (o.enforceSchema) {
      LOG.warn(message);
      return;
    }
    throw new SluiceRuntimeException(
        ErrorClass.FILE_READ_ERROR,
        SluiceException.params("path", file.uri()),
        new IllegalArgumentException(message));
  }

  private static String mismatch(String[] header, StructType columns, boolean caseSensitive) {
    String[] names = columns.fieldNames();
    if (header.length != names.length) {
      return "Number of column in CSV header is not equal to number of fields in the schema:\n"
          + " Header length: "
          + header.length
          + ", schema size: "
          + names.length;
    }
    for (int i = 0; i < names.length; i++) {
      if (!key(header[i], caseSensitive).equals(key(names[i], caseSensitive))) {
        return "CSV header does not conform to the schema.\n"
            + " Header: "
            + String.join(", ", header)
            + "\n"
            + " Schema: "
            + String.join(", ", names)
            + "\n"
            + "Expected: "
            + names[i]
            + " but found: "
            + header[i];
      }
    }
    return null;
  }
}
