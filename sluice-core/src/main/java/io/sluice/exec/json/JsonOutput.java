package io.sluice.exec.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 buffer for one JSON value, with JSON's string escaping as Jackson writes it:
 * {@code \"}, {@code \\}, {@code \b \t \n \f \r}, other control characters as {@code \}{@code
 * u00XX}; everything else, non-ASCII included, as it is.
 */
final class JsonOutput {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** For bytes below 0x60: 0 = copy, else the escape letter (or 'u'). */
  private static final byte[] ESCAPES = new byte[0x60];

  static {
    for (int i = 0; i < 0x20; i++) ESCAPES[i] = 'u';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES[0x08] = 'b';
    ESCAPES[0x09] = 't';
    ESCAPES[0x0C] = 'f';
    ESCAPES[0x0A] = 'n';
    ESCAPES[0x0D] = 'r';
  }

  byte[] buf = new byte[256];
  int len;

  void reset() {
    len = 0;
  }

  private void ensure(int more) {
    if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
  }

  void put(byte b) {
    if (len == buf.length) ensure(1);
    buf[len++] = b;
  }

  void put(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  /** Text known to be ASCII without characters to escape (numbers, formatted dates). */
  void putAscii(CharSequence s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
  }

  void putLong(long v) {
    if (v == Long.MIN_VALUE) {
      putAscii("-9223372036854775808");
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) digits++;
    int end = len + digits;
    for (int i = end - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    len = end;
  }

  /** Two digits of {@code v} (0..99). */
  void putTwo(int v) {
    ensure(2);
    buf[len++] = (byte) ('0' + v / 10);
    buf[len++] = (byte) ('0' + v % 10);
  }

  /** A JSON string of UTF-8 bytes: quoted, escaped. */
  void putString(byte[] src, int off, int n) {
    ensure(n + 2);
    buf[len++] = '"';
    int end = off + n;
    int run = off;
    for (int i = off; i < end; i++) {
      int c = src[i];
      if (c >= 0 && c < 0x60 && ESCAPES[c] != 0) {
        putRaw(src, run, i - run);
        escape(c);
        run = i + 1;
      }
    }
    putRaw(src, run, end - run);
    put((byte) '"');
  }

  /** A JSON string of a Java string. */
  void putString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putString(b, 0, b.length);
  }

  private void putRaw(byte[] src, int off, int n) {
    ensure(n);
    System.arraycopy(src, off, buf, len, n);
    len += n;
  }

  private void escape(int c) {
    byte e = ESCAPES[c];
    ensure(6);
    buf[len++] = '\\';
    if (e != 'u') {
      buf[len++] = e;
      return;
    }
    buf[len++] = 'u';
    buf[len++] = '0';
    buf[len++] = '0';
    buf[len++] = HEX[c >> 4];
    buf[len++] = HEX[c & 0xF];
  }
}
