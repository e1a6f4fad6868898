package io.sluice.connector.csv;

import io.sluice.connector.csv.CsvOptions.UnescapedQuoteHandling;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits one CSV record, held as UTF-8 bytes, into its values, with the rules of the Univocity
 * parser Spark configures: values end at the delimiter (one or more bytes); a value starting with
 * the quote character is quoted — delimiters and line breaks inside are content, the escape
 * character before a quote (or, when escape and quote are the same, a doubled quote) stands for a
 * quote, {@code charToEscapeQuoteEscaping} before the escape for the escape, and whitespace between
 * the closing quote and the delimiter is dropped; a quote inside an unquoted value is content. With
 * {@code ignoreLeadingWhiteSpace} / {@code ignoreTrailingWhiteSpace} blanks around unquoted values
 * are dropped (and a quote after leading blanks opens a quoted value). A quoted value with a stray
 * quote is read per {@code unescapedQuoteHandling}.
 *
 * <p>Values are described, not copied: value {@code k} is {@link #length(int)} bytes at {@link
 * #start(int)} of the record's buffer — or, when {@link #inScratch(int)}, of {@link #scratch()},
 * which holds values whose escapes had to be resolved and stays valid until {@link
 * #resetScratch()}. A length of {@link #NULL} marks an unquoted empty value (read as null); {@code
 * ""} quoted is read as {@code emptyValue}.
 *
 * <p>Two modes: {@link #tokenizeLine} reads a line without its terminator (line breaks are then
 * ordinary bytes); {@link #tokenizeRecord} reads a record from a buffer of a whole stream, in which
 * an unquoted line break ({@code lineSep}, else {@code \n}, {@code \r\n} or {@code \r}) ends the
 * record, and says when the buffer ends before the record does.
 */
final class CsvTokenizer {
  /** Length of a null value. */
  static final int NULL = -1;

  /** Returned by {@link #tokenizeRecord} when the record may go on past the buffer's end. */
  static final int NEED_MORE = -1;

  private static final int SCRATCH_BIT = 1 << 31;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Returned by {@link #afterClosingQuote} when more than blanks follow the quote. */
  private static final int STRAY = -2;

  /** A record that cannot be read (too many columns, a value too long, a stray quote). */
  static final class MalformedInputException extends RuntimeException {
    MalformedInputException(String message) {
      super(message);
    }
  }

  private final byte[] delimiter;
  private final byte delim0;
  private final int quote;
  private final int escape;
  private final int escapeEscape;
  private final boolean trimLeading;
  private final boolean trimTrailing;
  private final UnescapedQuoteHandling quoteHandling;
  private final byte[] emptyValue;
  private final int maxColumns;
  private final int maxChars;

  /** Record separator of the stream mode, or null for {@code \n}, {@code \r\n}, {@code \r}. */
  private final byte[] lineSep;

  // Per call: whether line breaks end the record, and whether the buffer holds the stream's end.
  private boolean stream;
  private boolean eof;

  private int count;
  private int recordEnd;
  private int[] starts;
  private int[] lengths;
  private byte[] scratch = new byte[256];
  private int scratchLength;

  CsvTokenizer(CsvOptions o) {
    this.delimiter = o.delimiter;
    this.delim0 = o.delimiter[0];
    this.quote = o.quote;
    this.escape = o.escape;
    this.escapeEscape = o.charToEscapeQuoteEscaping;
    this.trimLeading = o.ignoreLeadingWhiteSpace;
    this.trimTrailing = o.ignoreTrailingWhiteSpace;
    this.quoteHandling = o.unescapedQuoteHandling;
    this.emptyValue = o.emptyValue;
    this.maxColumns = o.maxColumns;
    this.maxChars = o.maxCharsPerColumn;
    this.lineSep = o.lineSeparator;
    this.starts = new int[Math.min(64, maxColumns)];
    this.lengths = new int[starts.length];
  }

  /** Number of values of the last record. */
  int count() {
    return count;
  }

  /** Start of value {@code k} in the record's buffer, or in {@link #scratch()}. */
  int start(int k) {
    return starts[k] & ~SCRATCH_BIT;
  }

  /** Length of value {@code k}, or {@link #NULL}. */
  int length(int k) {
    return lengths[k];
  }

  boolean inScratch(int k) {
    return starts[k] < 0;
  }

  /**
   * Start of value {@code k} with the scratch flag in the sign bit: set when the value is in {@link
   * #scratch()} (as {@link ColumnConverter} reads it).
   */
  int rawStart(int k) {
    return starts[k];
  }

  byte[] scratch() {
    return scratch;
  }

  /** Forgets the resolved values of earlier records. */
  void resetScratch() {
    scratchLength = 0;
  }

  /** Reads the line {@code b[start, end)} as one record. */
  void tokenizeLine(byte[] b, int start, int end) {
    stream = false;
    eof = true;
    parseRecord(b, start, end);
  }

  /**
   * Reads the record starting at {@code b[pos]} (not at a line break): returns the index after its
   * terminator (or {@code limit}), or {@link #NEED_MORE} when the buffer ends before the record
   * does and {@code eof} is false. {@link #recordEnd()} is then where its text ends.
   */
  int tokenizeRecord(byte[] b, int pos, int limit, boolean atEof) {
    stream = true;
    eof = atEof;
    int mark = scratchLength;
    int next = parseRecord(b, pos, limit);
    if (next == NEED_MORE) {
      count = 0;
      scratchLength = mark;
    }
    return next;
  }

  /** Where the text of the last stream record ends (before its terminator). */
  int recordEnd() {
    return recordEnd;
  }

  /**
   * Length of the line break at {@code b[p]} (stream mode), 0 if there is none, or NEED_MORE when
   * the buffer ends inside a possible one and {@code atEof} is false.
   */
  int terminatorAt(byte[] b, int p, int limit, boolean atEof) {
    if (lineSep != null) {
      if (b[p] != lineSep[0]) return 0;
      if (p + lineSep.length > limit) {
        return !atEof && startsPartially(b, p, limit) ? NEED_MORE : 0;
      }
      for (int i = 1; i < lineSep.length; i++) {
        if (b[p + i] != lineSep[i]) return 0;
      }
      return lineSep.length;
    }
    byte c = b[p];
    if (c == '\n') return 1;
    if (c != '\r') return 0;
    if (p + 1 < limit) return b[p + 1] == '\n' ? 2 : 1;
    return atEof ? 1 : NEED_MORE;
  }

  private boolean startsPartially(byte[] b, int p, int limit) {
    for (int i = 0; p + i < limit; i++) {
      if (b[p + i] != lineSep[i]) return false;
    }
    return true;
  }

  private int parseRecord(byte[] b, int pos, int limit) {
    count = 0;
    int p = pos;
    while (true) {
      if (trimLeading) p = skipBlanks(b, p, limit);
      if (p >= limit) {
        if (stream && !eof) return NEED_MORE;
        addValue(0, NULL);
        recordEnd = limit;
        return limit;
      }
      int fieldStart = p;
      if (b[p] == quote) {
        p = quoted(b, p, limit);
      } else {
        p = unquoted(b, p, limit);
      }
      if (p == NEED_MORE) return NEED_MORE;
      if (p >= limit) {
        if (stream && !eof) return NEED_MORE;
        recordEnd = limit;
        return limit;
      }
      if (b[p] == delim0 && delimiterAt(b, p, limit)) {
        p += delimiter.length;
        continue;
      }
      // a line break ends the record (stream mode only: in line mode values end at delimiters)
      int t = terminatorAt(b, p, limit, eof);
      if (t == NEED_MORE) return NEED_MORE;
      if (t == 0) throw new IllegalStateException("value at " + fieldStart + " ended early");
      recordEnd = p;
      return p + t;
    }
  }

  /** An unquoted value from {@code p}: up to the delimiter or line break. */
  private int unquoted(byte[] b, int p, int limit) {
    int s = p;
    int e = scanUnquoted(b, p, limit);
    if (e == NEED_MORE) return NEED_MORE;
    int end = e;
    if (trimTrailing) {
      while (end > s && isBlank(b[end - 1])) end--;
    }
    addValue(s, end == s ? NULL : end - s);
    return e;
  }

  /** Index of the delimiter or line break that ends an unquoted value, or limit. */
  private int scanUnquoted(byte[] b, int p, int limit) {
    byte d = delim0;
    if (!stream) {
      // Eight bytes at a time: flag bytes equal to the delimiter's first (the lowest is exact).
      long pattern = (d & 0xFFL) * 0x0101010101010101L;
      while (p + 8 <= limit) {
        long x = (long) LONGS.get(b, p) ^ pattern;
        long hit = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
        if (hit == 0) {
          p += 8;
          continue;
        }
        p += Long.numberOfTrailingZeros(hit) >>> 3;
        if (delimiter.length == 1 || delimiterAt(b, p, limit)) return p;
        p++;
      }
      while (p < limit) {
        if (b[p] == d && (delimiter.length == 1 || delimiterAt(b, p, limit))) return p;
        p++;
      }
      return limit;
    }
    while (p < limit) {
      byte c = b[p];
      if (c == d && delimiterAt(b, p, limit)) return p;
      if (isBreakByte(c)) {
        int t = terminatorAt(b, p, limit, eof);
        if (t == NEED_MORE) return NEED_MORE;
        if (t > 0) return p;
      }
      p++;
    }
    return eof ? limit : NEED_MORE;
  }

  /** A quoted value whose opening quote is at {@code open}; returns where it ended. */
  private int quoted(byte[] b, int open, int limit) {
    int valueStart = open + 1;
    int seg = valueStart; // start of the bytes read but not yet copied
    int copied = -1; // scratch start once any byte had to be resolved
    int p = valueStart;
    while (true) {
      if (p >= limit) {
        if (stream && !eof) return NEED_MORE;
        finishQuoted(b, seg, limit, copied, valueStart); // unclosed: the rest is the value
        return limit;
      }
      byte c = b[p];
      if (c == quote) {
        if (escape == quote) {
          if (p + 1 >= limit && stream && !eof) return NEED_MORE;
          if (p + 1 < limit && b[p + 1] == quote) {
            copied = copy(b, seg, p + 1, copied);
            seg = p = p + 2;
            continue;
          }
        }
        int after = afterClosingQuote(b, p, limit);
        if (after == NEED_MORE) return NEED_MORE;
        if (after >= 0) {
          finishQuoted(b, seg, p, copied, valueStart);
          return after;
        }
        if (escape != quote && b[p + 1] == quote) {
          // as in Univocity, a doubled quote is a quote even when the escape is another
          // character, and the second quote may close the value
          copied = copy(b, seg, p, copied);
          copied = appendByte((byte) quote, copied);
          seg = p + 2;
          p = p + 1;
          continue;
        }
        switch (quoteHandling) {
          case STOP_AT_CLOSING_QUOTE -> {
            p++; // the stray quote is content
            continue;
          }
          case STOP_AT_DELIMITER -> {
            return stopAtDelimiter(b, seg, p, copied, limit);
          }
          case BACK_TO_DELIMITER -> {
            if (copied >= 0) scratchLength = copied;
            return unquoted(b, open + 1, limit);
          }
          case SKIP_VALUE -> {
            if (copied >= 0) scratchLength = copied;
            int rest = scanUnquoted(b, p + 1, limit);
            if (rest == NEED_MORE) return NEED_MORE;
            addValue(0, NULL);
            return rest;
          }
          case RAISE_ERROR ->
              throw new MalformedInputException(
                  "Unescaped quote character '"
                      + (char) quote
                      + "' inside quoted value of CSV field");
        }
      } else if (c == escape || c == escapeEscape) {
        if (p + 1 >= limit) {
          if (stream && !eof) return NEED_MORE;
          p++;
          continue;
        }
        byte n = b[p + 1];
        if ((c == escape && n == quote) || (c == escapeEscape && n == escape)) {
          copied = copy(b, seg, p, copied);
          copied = appendByte(n, copied);
          seg = p = p + 2;
          continue;
        }
        p++;
      } else {
        p++;
      }
    }
  }

  /**
   * After a quote at {@code q}: the index of the delimiter or line break (or limit) ending the
   * value when only blanks follow the quote; STRAY when something else follows; NEED_MORE.
   */
  private int afterClosingQuote(byte[] b, int q, int limit) {
    int p = q + 1;
    while (true) {
      if (p >= limit) return stream && !eof ? NEED_MORE : limit;
      byte c = b[p];
      if (c == delim0 && delimiterAt(b, p, limit)) return p;
      if (stream && isBreakByte(c)) {
        int t = terminatorAt(b, p, limit, eof);
        if (t == NEED_MORE) return NEED_MORE;
        if (t > 0) return p;
      }
      if (!isBlank(c)) return STRAY;
      p++;
    }
  }

  /**
   * STOP_AT_DELIMITER for a stray quote at {@code q}: the value is a quote, what was read, and the
   * raw text from {@code q} up to the next delimiter or line break.
   */
  private int stopAtDelimiter(byte[] b, int seg, int q, int copied, int limit) {
    int rest = scanUnquoted(b, q + 1, limit);
    if (rest == NEED_MORE) return NEED_MORE;
    int end = rest;
    if (trimTrailing) {
      while (end > q + 1 && isBlank(b[end - 1])) end--;
    }
    int base = copied >= 0 ? copied : scratchLength;
    appendBytes(b, seg, q - seg);
    appendBytes(b, q, end - q);
    appendByte((byte) 0, base); // room for the opening quote, which goes first
    System.arraycopy(scratch, base, scratch, base + 1, scratchLength - 1 - base);
    scratch[base] = (byte) quote;
    addValue(base | SCRATCH_BIT, scratchLength - base);
    return rest;
  }

  /** Records a quoted value: {@code b[seg, end)} after what is in scratch (if anything). */
  private void finishQuoted(byte[] b, int seg, int end, int copied, int valueStart) {
    int len;
    int start;
    if (copied < 0) {
      start = seg;
      len = end - seg;
    } else {
      appendBytes(b, seg, end - seg);
      start = copied | SCRATCH_BIT;
      len = scratchLength - copied;
    }
    if (len == 0) {
      if (emptyValue.length == 0) {
        addValue(valueStart, 0);
      } else {
        int s = scratchLength;
        appendBytes(emptyValue, 0, emptyValue.length);
        addValue(s | SCRATCH_BIT, emptyValue.length);
      }
      return;
    }
    addValue(start, len);
  }

  /** Copies {@code b[from, to)} to scratch, starting a resolved value if none is; its start. */
  private int copy(byte[] b, int from, int to, int copied) {
    int start = copied >= 0 ? copied : scratchLength;
    appendBytes(b, from, to - from);
    return start;
  }

  private int appendByte(byte v, int copied) {
    int start = copied >= 0 ? copied : scratchLength;
    if (scratchLength == scratch.length) scratch = Arrays.copyOf(scratch, scratch.length * 2);
    scratch[scratchLength++] = v;
    return start;
  }

  private void appendBytes(byte[] b, int off, int len) {
    if (len <= 0) return;
    if (scratchLength + len > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + len));
    }
    System.arraycopy(b, off, scratch, scratchLength, len);
    scratchLength += len;
  }

  private void addValue(int start, int length) {
    if (count == starts.length) {
      if (count >= maxColumns) {
        throw new MalformedInputException(
            "Number of columns processed may have exceeded limit"
                + " of "
                + maxColumns
                + " columns. Use the option 'maxColumns' to raise the limit");
      }
      int n = Math.min(count * 2, maxColumns);
      starts = Arrays.copyOf(starts, n);
      lengths = Arrays.copyOf(lengths, n);
    }
    if (maxChars >= 0 && length > maxChars) {
      throw new MalformedInputException(
          "Length of parsed input ("
              + length
              + ") exceeds the"
              + " maximum number of characters per column ("
              + maxChars
              + "). Use the option"
              + " 'maxCharsPerColumn' to raise the limit");
    }
    starts[count] = start;
    lengths[count] = length;
    count++;
  }

  private boolean delimiterAt(byte[] b, int p, int limit) {
    byte[] d = delimiter;
    if (d.length == 1) return true;
    if (p + d.length > limit) return false;
    for (int i = 1; i < d.length; i++) {
      if (b[p + i] != d[i]) return false;
    }
    return true;
  }

  private boolean isBreakByte(byte c) {
    return lineSep != null ? c == lineSep[0] : (c == '\n' || c == '\r');
  }

  /** Skips blanks (control characters and space) at a value's start. */
  private int skipBlanks(byte[] b, int p, int limit) {
    while (p < limit) {
      byte c = b[p];
      if (!isBlank(c) || c == delim0 || (stream && isBreakByte(c))) break;
      p++;
    }
    return p;
  }

  /** Univocity's whitespace: the characters from 1 to space. */
  private static boolean isBlank(byte c) {
    return c > 0 && c <= ' ';
  }
}
