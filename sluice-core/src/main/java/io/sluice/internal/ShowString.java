package io.sluice.internal;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lays out {@code show()} output exactly as Spark 4 does: a table with {@code +---+} borders (cells
 * right-aligned when truncating, left-aligned otherwise) or vertical records, then an {@code only
 * showing top N rows} footer when rows were left out.
 */
public final class ShowString {
  private static final int MIN_COL_WIDTH = 3;

  private ShowString() {}

  /**
   * Formats the first rows of {@code batches}, whose columns are {@code schema}'s, as {@code
   * show()} does: values as {@link PrettyFormatter} writes them, timestamps in {@code zone}. Only
   * the first {@code numRows + 1} rows are formatted (one more than shown tells that there is more
   * data).
   */
  public static String render(
      StructType schema,
      List<ColumnBatch> batches,
      ZoneId zone,
      int numRows,
      int truncate,
      boolean vertical) {
    PrettyFormatter[] formatters = new PrettyFormatter[schema.length()];
    for (int c = 0; c < formatters.length; c++) {
      formatters[c] = PrettyFormatter.forType(schema.get(c).dataType(), zone);
    }
    List<String[]> cells = new ArrayList<>();
    for (ColumnBatch b : batches) {
      int rows = Math.min(b.numRows(), numRows + 1 - cells.size());
      if (rows <= 0) break;
      String[][] columns = new String[formatters.length][];
      for (int c = 0; c < formatters.length; c++) {
        columns[c] = formatters[c].format(b.column(c), rows);
      }
      for (int r = 0; r < rows; r++) {
        String[] row = new String[formatters.length];
        for (int c = 0; c < formatters.length; c++) row[c] = columns[c][r];
        cells.add(row);
      }
    }
    return render(Arrays.asList(schema.fieldNames()), cells, numRows, truncate, vertical);
  }

  /**
   * Formats {@code header} and {@code cells} (already pretty strings, at most {@code numRows + 1}
   * rows: one more than shown tells that there is more data).
   *
   * @param truncate cut cells longer than this many characters; 0 or less keeps them whole
   */
  public static String render(
      List<String> header, List<String[]> cells, int numRows, int truncate, boolean vertical) {
    boolean hasMoreData = cells.size() > numRows;
    List<String[]> rows = new ArrayList<>();
    rows.add(prepare(header.toArray(new String[0]), truncate));
    for (int i = 0; i < Math.min(numRows, cells.size()); i++) {
      rows.add(prepare(cells.get(i), truncate));
    }
    StringBuilder sb = new StringBuilder();
    if (vertical) {
      vertical(sb, rows);
    } else {
      table(sb, rows, header.size(), truncate > 0);
    }
    if (vertical && rows.size() == 1) {
      sb.append("(0 rows)");
    } else if (hasMoreData) {
      sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
    }
    return sb.toString();
  }

  private static String[] prepare(String[] row, int truncate) {
    String[] out = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      String s = escapeMetaCharacters(row[i]);
      if (truncate > 0 && s.length() > truncate) {
        s = truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
      }
      out[i] = s;
    }
    return out;
  }

  private static void table(StringBuilder sb, List<String[]> rows, int numCols, boolean right) {
    int[] widths = new int[numCols];
    java.util.Arrays.fill(widths, MIN_COL_WIDTH);
    for (String[] row : rows) {
      for (int i = 0; i < numCols; i++) widths[i] = Math.max(widths[i], halfWidth(row[i]));
    }
    String[] dashes = new String[numCols];
    for (int i = 0; i < numCols; i++) dashes[i] = "-".repeat(widths[i]);
    String sep = "+" + String.join("+", dashes) + "+\n";
    sb.append(sep);
    for (int r = 0; r < rows.size(); r++) {
      String[] padded = new String[numCols];
      for (int i = 0; i < numCols; i++) {
        String cell = rows.get(r)[i];
        String pad = " ".repeat(widths[i] - halfWidth(cell));
        padded[i] = right ? pad + cell : cell + pad;
      }
      sb.append('|').append(String.join("|", padded)).append("|\n");
      if (r == 0) sb.append(sep);
    }
    sb.append(sep);
  }

  private static void vertical(StringBuilder sb, List<String[]> rows) {
    String[] names = rows.get(0);
    int nameWidth = MIN_COL_WIDTH;
    for (String n : names) nameWidth = Math.max(nameWidth, halfWidth(n));
    int dataWidth = MIN_COL_WIDTH;
    for (int r = 1; r < rows.size(); r++) {
      for (String c : rows.get(r)) dataWidth = Math.max(dataWidth, halfWidth(c));
    }
    for (int r = 1; r < rows.size(); r++) {
      String head = "-RECORD " + (r - 1);
      sb.append(head)
          .append("-".repeat(Math.max(0, nameWidth + dataWidth + 5 - head.length())))
          .append('\n');
      String[] row = rows.get(r);
      for (int j = 0; j < row.length; j++) {
        sb.append(' ')
            .append(names[j])
            .append(" ".repeat(nameWidth - halfWidth(names[j])))
            .append(" | ")
            .append(row[j])
            .append(" ".repeat(dataWidth - halfWidth(row[j])))
            .append(" \n");
      }
    }
  }

  /** Display width: East Asian full-width characters count twice, as in Spark. */
  static int halfWidth(String s) {
    int n = s.length();
    for (int i = 0; i < s.length(); i++) {
      if (isFullWidth(s.charAt(i))) n++;
    }
    return n;
  }

  private static boolean isFullWidth(char c) {
    return (c >= '\u1100' && c <= '\u115F')
        || (c >= '\u2E80' && c <= '\uA4CF')
        || (c >= '\uAC00' && c <= '\uD7A3')
        || (c >= '\uF900' && c <= '\uFAFF')
        || (c >= '\uFE10' && c <= '\uFE19')
        || (c >= '\uFE30' && c <= '\uFE6F')
        || (c >= '\uFF00' && c <= '\uFF60')
        || (c >= '\uFFE0' && c <= '\uFFE6');
  }

  /** Escapes control characters that would break the layout ({@code \n} becomes {@code \\n}). */
  static String escapeMetaCharacters(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\f' -> "\\f";
            case '\b' -> "\\b";
            case '\u000B' -> "\\v";
            case '\u0007' -> "\\a";
            default -> null;
          };
      if (rep != null && sb == null) sb = new StringBuilder(s.substring(0, i));
      if (sb != null) {
        if (rep != null) sb.append(rep);
        else sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
