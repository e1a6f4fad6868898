package io.sluice.exec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import io.sluice.exec.vector.BytesVector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Per-reader state the value writers share: the options, the bytes the parser reads (so a
 * non-string value read into a string column can be copied exactly, as Spark 4 does), a scratch
 * buffer for UTF-8 text, and the UTF-8 encoding of Jackson's decoded text into byte vectors.
 */
public final class ReadContext {
  /** What {@link ParserBase#getTokenCharacterOffset()} adds to a token's byte index. */
  private static final long TOKEN_OFFSET_BIAS = calibrateTokenOffset();

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  final JsonParseOptions options;
  private byte[] source;
  private int sourceBase;
  private int sourceLimit;
  private boolean exactText;
  private final boolean exactNonStrings;

  /** Length of the string found by the last successful {@link #rawString}. */
  private int rawLength;

  private byte[] scratch = new byte[64];
  private ByteArrayOutputStream copyBuffer;

  /** A context for the JSON source: non-string values read as strings keep their exact text. */
  public ReadContext(JsonParseOptions options) {
    this(options, true);
  }

  /**
   * @param exactNonStrings whether a non-string value read into a string column keeps its exact
   *     text (the JSON source, as Spark's reading of files); false writes it as Jackson
   *     re-generates it, compact ({@code {"x":1}}, {@code 1.5} for {@code 1.50}), as Spark's {@code
   *     from_json} does
   */
  public ReadContext(JsonParseOptions options, boolean exactNonStrings) {
    this.options = options;
    this.exactNonStrings = exactNonStrings;
  }

  /**
   * The parser now reads {@code bytes} from index {@code base}; non-string values read as strings
   * are copied from there when {@code exact} (line mode), else re-generated as Spark does for
   * multi-line files.
   */
  public void setSource(byte[] bytes, int base, int limit, boolean exact) {
    this.source = bytes;
    this.sourceBase = base;
    this.sourceLimit = limit;
    this.exactText = exact;
  }

  /**
   * Where the current string token's UTF-8 content starts in the source bytes, when it can be used
   * as it is (a double-quoted string without escapes or control characters, in line mode); -1
   * otherwise. The length is then {@link #rawLength()}.
   */
  int rawString(JsonParser p) {
    if (!exactText) return -1;
    int q = tokenIndex(p);
    byte[] b = source;
    if (q < sourceBase || q >= sourceLimit || b[q] != '"') return -1;
    int i = q + 1;
    int limit = sourceLimit;
    // Eight bytes at a time: flag '"', '\\' and control bytes (the lowest flag is exact).
    for (; i + 8 <= limit; i += 8) {
      long w = (long) LONGS.get(b, i);
      long x = w ^ 0x2222222222222222L;
      long y = w ^ 0x5C5C5C5C5C5C5C5CL;
      long hit =
          (((x - 0x0101010101010101L) & ~x)
                  | ((y - 0x0101010101010101L) & ~y)
                  | ((w - 0x2020202020202020L) & ~w))
              & 0x8080808080808080L;
      if (hit != 0) {
        i += Long.numberOfTrailingZeros(hit) >>> 3;
        break;
      }
    }
    while (i < limit) {
      byte c = b[i];
      if (c == '"') {
        rawLength = i - q - 1;
        return q + 1;
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) return -1;
      i++;
    }
    return -1;
  }

  int rawLength() {
    return rawLength;
  }

  byte[] source() {
    return source;
  }

  /** The index in the source bytes of the current token's first byte. */
  public int tokenIndex(JsonParser p) {
    return sourceBase + (int) (((ParserBase) p).getTokenCharacterOffset() - TOKEN_OFFSET_BIAS);
  }

  /** Appends the current string token's text as UTF-8, copying raw bytes where possible. */
  void appendString(JsonParser p, BytesVector out) throws IOException {
    int start = rawString(p);
    if (start >= 0) {
      out.appendBytes(source, start, rawLength);
    } else {
      appendText(p, out);
    }
  }

  /** Appends the current token's text, decoded by Jackson, as UTF-8. */
  static void appendText(JsonParser p, BytesVector out) throws IOException {
    appendChars(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), out);
  }

  static void appendChars(char[] c, int off, int len, BytesVector out) {
    int start = out.offsets()[out.size()];
    byte[] d = out.reserveData(len * 3);
    int n = encode(c, off, len, d, start);
    out.commitRow(n - start);
  }

  /** The current string token's text as UTF-8 in a reused buffer; returns the byte count. */
  int textToScratch(JsonParser p) throws IOException {
    int len = p.getTextLength();
    if (scratch.length < len * 3) scratch = new byte[len * 3];
    return encode(p.getTextCharacters(), p.getTextOffset(), len, scratch, 0);
  }

  byte[] scratch() {
    return scratch;
  }

  /**
   * Appends the JSON text of a non-string value (number, boolean, object, array) whose first token
   * is current, consuming the value.
   */
  void appendJsonText(JsonParser p, JsonToken token, BytesVector out) throws IOException {
    boolean exact = exactText && exactNonStrings;
    if (exact && token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      appendText(p, out);
      return;
    }
    if (exact && source != null) {
      int start = tokenIndex(p);
      p.skipChildren();
      int end = tokenIndex(p) + 1;
      out.appendBytes(source, start, end - start);
      return;
    }
    if (copyBuffer == null) copyBuffer = new ByteArrayOutputStream();
    copyBuffer.reset();
    JsonFactory f = options.factory();
    try (JsonGenerator g = f.createGenerator(copyBuffer)) {
      g.copyCurrentStructure(p);
    }
    out.appendBytes(copyBuffer.toByteArray());
  }

  /** Encodes UTF-16 to UTF-8 at {@code pos}; returns the end position. */
  static int encode(char[] c, int off, int len, byte[] d, int pos) {
    int end = off + len;
    int i = off;
    // ASCII fast path.
    while (i < end) {
      char ch = c[i];
      if (ch >= 0x80) break;
      d[pos++] = (byte) ch;
      i++;
    }
    while (i < end) {
      char ch = c[i++];
      if (ch < 0x80) {
        d[pos++] = (byte) ch;
      } else if (ch < 0x800) {
        d[pos++] = (byte) (0xC0 | (ch >> 6));
        d[pos++] = (byte) (0x80 | (ch & 0x3F));
      } else if (Character.isHighSurrogate(ch) && i < end && Character.isLowSurrogate(c[i])) {
        int cp = Character.toCodePoint(ch, c[i++]);
        d[pos++] = (byte) (0xF0 | (cp >> 18));
        d[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        d[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        d[pos++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(ch)) {
        d[pos++] = '?';
      } else {
        d[pos++] = (byte) (0xE0 | (ch >> 12));
        d[pos++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
        d[pos++] = (byte) (0x80 | (ch & 0x3F));
      }
    }
    return pos;
  }

  private static long calibrateTokenOffset() {
    try (JsonParser p = new JsonFactory().createParser(new byte[] {'{', '}'})) {
      p.nextToken();
      return ((ParserBase) p).getTokenCharacterOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
