package io.sluice.connector.csv;

import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Records of a whole file read with {@code multiLine}: quoted values may span lines, so records are
 * found by tokenizing. The file is streamed through a buffer that grows to hold the longest record;
 * a chunk is what the buffer holds. Empty lines, and lines starting with the comment character,
 * between records are skipped.
 */
final class CsvStreamRecords implements CsvRecords {
  private static final int CHUNK = 1 << 20;

  private final InputStream in;
  private final CsvTokenizer tokenizer;
  private final int comment;
  private final boolean skipBlankLines;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  private int start;
  private int end;

  CsvStreamRecords(SourceFile file, CsvOptions options, CsvTokenizer tokenizer) throws IOException {
    InputStream raw = Files.newInputStream(file.path());
    this.in = LineSplitReader.isCompressed(file) ? new GZIPInputStream(raw, 65536) : raw;
    this.tokenizer = tokenizer;
    this.comment = options.comment;
    this.skipBlankLines = options.ignoreLeadingWhiteSpace;
    this.buf = new byte[(int) Math.max(8192, Math.min(CHUNK, file.length() + 1))];
  }

  @Override
  public boolean nextChunk() throws IOException {
    if (eof) return false;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
    int n;
    while (limit < buf.length && (n = in.read(buf, limit, buf.length - limit)) >= 0) {
      limit += n;
    }
    eof = limit < buf.length;
    if (!started) {
      started = true;
      if (limit >= 3
          && (buf[0] & 0xFF) == 0xEF
          && (buf[1] & 0xFF) == 0xBB
          && (buf[2] & 0xFF) == 0xBF) {
        pos = 3;
      }
    }
    return pos < limit || !eof;
  }

  @Override
  public boolean nextRecord(boolean tokenize) {
    while (true) {
      if (pos >= limit) return false;
      int t = tokenizer.terminatorAt(buf, pos, limit, eof);
      if (t == CsvTokenizer.NEED_MORE) return false;
      if (t > 0) {
        pos += t; // an empty line
        continue;
      }
      if (buf[pos] == comment || (skipBlankLines && isBlankLine())) {
        int after = lineEnd(pos);
        if (after < 0) return false;
        pos = after;
        continue;
      }
      int next = tokenizer.tokenizeRecord(buf, pos, limit, eof);
      if (next == CsvTokenizer.NEED_MORE) return false;
      start = pos;
      end = tokenizer.recordEnd();
      pos = next;
      return true;
    }
  }

  /** True when only blanks stand between {@code pos} and the next line break. */
  private boolean isBlankLine() {
    for (int p = pos; p < limit; p++) {
      int t = tokenizer.terminatorAt(buf, p, limit, eof);
      if (t != 0) return true;
      if ((buf[p] & 0xFF) > ' ') return false;
    }
    return eof;
  }

  /** The index after the line break ending the line at {@code p}; -1 if it is not buffered. */
  private int lineEnd(int p) {
    for (; p < limit; p++) {
      int t = tokenizer.terminatorAt(buf, p, limit, eof);
      if (t == CsvTokenizer.NEED_MORE) return -1;
      if (t > 0) return p + t;
    }
    return eof ? limit : -1;
  }

  @Override
  public byte[] buffer() {
    return buf;
  }

  @Override
  public int recordStart() {
    return start;
  }

  @Override
  public int recordEnd() {
    return end;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
