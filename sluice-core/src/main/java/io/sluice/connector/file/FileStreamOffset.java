package io.sluice.connector.file;

import io.sluice.connector.Offset;

/**
 * The offset of the streaming file source: the id of the last batch of its log of seen files, as
 * Spark's {@code FileStreamSourceOffset} ({@code {"logOffset":3}}); -1 before any file.
 */
public record FileStreamOffset(long logOffset) implements Offset {
  @Override
  public String json() {
    return "{\"logOffset\":" + logOffset + "}";
  }

  /**
   * Reads {@link #json()} back; a bare number (Spark's older form) is accepted too. Throws {@link
   * IllegalArgumentException} saying what is wrong.
   */
  public static FileStreamOffset parse(String json) {
    String t = json.trim();
    String number = t;
    if (t.startsWith("{")) {
      int colon = t.indexOf(':');
      String key = colon < 0 ? "" : t.substring(1, colon).trim();
      if (!key.equals("\"logOffset\"") || !t.endsWith("}")) {
        throw new IllegalArgumentException(
            "expected {\"logOffset\":<number>} as a file source offset, found " + json);
      }
      number = t.substring(colon + 1, t.length() - 1).trim();
    }
    try {
      return new FileStreamOffset(Long.parseLong(number));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected {\"logOffset\":<number>} as a file source offset, found " + json, e);
    }
  }
}
