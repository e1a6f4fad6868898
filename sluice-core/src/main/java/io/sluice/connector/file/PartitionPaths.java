package io.sluice.connector.file;

/**
 * Hive-style partition directory names, as Spark writes them: {@code column=value}, with the
 * characters that are special in paths or globs ({@code / \ : * ? " # % ' = { [ ] ^}, control
 * characters, DEL) escaped as {@code %XX}, and {@code __HIVE_DEFAULT_PARTITION__} for a null or
 * empty value. An escaped value holds no separator, so no value can lead out of the table
 * directory. {@link PartitionDiscovery} reads the names back.
 */
public final class PartitionPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] ESCAPED = new boolean[128];

  static {
    for (int c = 0x01; c < 0x20; c++) ESCAPED[c] = true;
    for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) ESCAPED[c] = true;
  }

  private PartitionPaths() {}

  /** {@code name=value} with both escaped; a null or empty value is the default partition. */
  public static String directory(String name, String value) {
    String v =
        value == null || value.isEmpty()
            ? PartitionDiscovery.DEFAULT_PARTITION_NAME
            : escape(value);
    return escape(name) + "=" + v;
  }

  /** {@code s} with the characters Spark escapes in path names written as {@code %XX}. */
  public static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128 && ESCAPED[c]) {
        if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
