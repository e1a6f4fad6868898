package io.sluice.exec.expr.fn;

/**
 * Byte-level helpers over UTF-8 text, so kernels can count, cut and search strings without decoding
 * them. Characters are code points; a malformed lead byte counts as one character, as in Spark's
 * {@code UTF8String}.
 */
final class Utf8 {
  private Utf8() {}

  /** Bytes of the character whose first byte is {@code b}. */
  static int charBytes(byte b) {
    if (b >= 0) return 1;
    int u = b & 0xFF;
    if (u >= 0xF0 && u <= 0xF7) return 4;
    if (u >= 0xE0) return u <= 0xEF ? 3 : 1;
    if (u >= 0xC0) return 2;
    return 1;
  }

  static boolean isAscii(byte[] d, int start, int end) {
    for (int p = start; p < end; p++) {
      if (d[p] < 0) return false;
    }
    return true;
  }

  /** Characters in {@code d[start, end)}. */
  static int numChars(byte[] d, int start, int end) {
    int n = 0;
    for (int p = start; p < end; p++) {
      // count every byte that is not a continuation byte (10xxxxxx)
      n += (d[p] & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
  }

  /** The byte offset {@code chars} characters after {@code pos}, at most {@code end}. */
  static int skipChars(byte[] d, int pos, int end, long chars) {
    while (chars > 0 && pos < end) {
      pos += charBytes(d[pos]);
      chars--;
    }
    return Math.min(pos, end);
  }

  /** First byte offset {@code >= from} where {@code v[vs, ve)} occurs in {@code d[from, end)}. */
  static int indexOf(byte[] d, int from, int end, byte[] v, int vs, int ve) {
    int len = ve - vs;
    if (len == 0) return from;
    byte first = v[vs];
    for (int i = from, last = end - len; i <= last; i++) {
      if (d[i] != first) continue;
      int k = 1;
      while (k < len && d[i + k] == v[vs + k]) k++;
      if (k == len) return i;
    }
    return -1;
  }

  static boolean startsWith(byte[] d, int start, int end, byte[] v, int vs, int ve) {
    int len = ve - vs;
    return len <= end - start && java.util.Arrays.equals(d, start, start + len, v, vs, ve);
  }

  static boolean endsWith(byte[] d, int start, int end, byte[] v, int vs, int ve) {
    int len = ve - vs;
    return len <= end - start && java.util.Arrays.equals(d, end - len, end, v, vs, ve);
  }

  /** The code point starting at {@code p} (a malformed sequence yields its lead byte). */
  static int codePointAt(byte[] d, int p, int end) {
    int b = d[p];
    if (b >= 0) return b;
    int n = charBytes(d[p]);
    if (n == 1 || p + n > end) return b & 0xFF;
    int cp = b & (0xFF >> (n + 1));
    for (int k = 1; k < n; k++) cp = (cp << 6) | (d[p + k] & 0x3F);
    return cp;
  }
}
