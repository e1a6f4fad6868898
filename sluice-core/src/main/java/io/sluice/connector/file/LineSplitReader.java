package io.sluice.connector.file;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the lines a {@link FileSplit} owns, a chunk of whole lines at a time, into one reused byte
 * buffer. A split owns the lines that start inside it: a split not at the file's start skips the
 * line in progress at its start, and the last owned line is read past the split's end up to its
 * separator. Lines end at {@code \n}, {@code \r\n} or {@code \r}, or at a custom separator; the
 * separator is not part of the line. A UTF-8 byte order mark at the start of a file is skipped.
 * Files ending in {@code .gz} are decompressed (and never split).
 *
 * <p>Usage: {@code while (reader.nextChunk()) for (i < lineCount()) use buffer()[lineStart(i),
 * lineEnd(i))}. The buffer's content is valid until the next call to {@link #nextChunk()}.
 */
public final class LineSplitReader implements AutoCloseable {
  private static final int DEFAULT_CHUNK = 1 << 20;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final FileSplit split;
  private final byte[] separator;
  private final ReadableByteChannel channel;
  private final long ownedEnd;
  private byte[] buf;
  private int dataEnd;

  /** First byte of the buffer not yet handed out as a line. */
  private int cursor;

  /** File position of {@code buf[0]}. */
  private long bufferFilePos;

  private boolean eof;
  private boolean done;
  private int[] starts = new int[1024];
  private int[] ends = new int[1024];
  private int lines;

  /**
   * @param separator the line separator's bytes, or null for {@code \n}, {@code \r\n} and {@code
   *     \r}
   */
  public LineSplitReader(FileSplit split, byte[] separator) throws IOException {
    this.split = split;
    this.separator = separator == null || separator.length == 0 ? null : separator.clone();
    boolean gzip = isCompressed(split.file());
    long len = split.file().length();
    int size = (int) Math.min(DEFAULT_CHUNK, Math.max(8192, Math.min(len, split.length()) + 1));
    this.buf = new byte[size];
    if (gzip) {
      InputStream in =
          new GZIPInputStream(java.nio.file.Files.newInputStream(split.file().path()), 65536);
      this.channel = Channels.newChannel(in);
      this.ownedEnd = Long.MAX_VALUE;
      this.bufferFilePos = 0;
      fill();
      skipBom();
    } else {
      FileChannel ch = FileChannel.open(split.file().path(), StandardOpenOption.READ);
      this.channel = ch;
      this.ownedEnd = split.end();
      long begin =
          split.start() == 0
              ? 0
              : Math.max(0, split.start() - (this.separator == null ? 1 : this.separator.length));
      ch.position(begin);
      this.bufferFilePos = begin;
      fill();
      if (split.start() == 0) {
        skipBom();
      } else {
        skipPartialLine();
      }
    }
  }

  /** True for files read through a decompressor, which cannot be split. */
  public static boolean isCompressed(SourceFile file) {
    return file.path().getFileName().toString().endsWith(".gz");
  }

  public FileSplit split() {
    return split;
  }

  /**
   * Loads the next chunk of whole owned lines; false when the split has no more. Lines longer than
   * the buffer grow it.
   */
  public boolean nextChunk() throws IOException {
    lines = 0;
    if (done) return false;
    while (true) {
      scanLines();
      if (lines > 0 || done) return lines > 0;
      if (eof) {
        // End of input: the rest of the buffer is the last line.
        if (cursor < dataEnd && owned(cursor)) addLine(cursor, dataEnd);
        cursor = dataEnd;
        done = true;
        return lines > 0;
      }
      refill();
    }
  }

  public byte[] buffer() {
    return buf;
  }

  public int lineCount() {
    return lines;
  }

  public int lineStart(int i) {
    return starts[i];
  }

  public int lineEnd(int i) {
    return ends[i];
  }

  /** The file position of a buffer index of the current chunk. */
  public long filePosition(int bufferIndex) {
    return bufferFilePos + bufferIndex;
  }

  private boolean owned(int bufferIndex) {
    return bufferFilePos + bufferIndex < ownedEnd;
  }

  private void scanLines() {
    int p = cursor;
    while (p < dataEnd) {
      if (!owned(p)) {
        done = true;
        break;
      }
      int sepAt = findSeparator(p);
      if (sepAt < 0) break;
      int next = sepAt + separatorLength(sepAt);
      if (next < 0) break; // "\r" at the buffer's end: a "\n" may follow
      addLine(p, sepAt);
      p = next;
    }
    cursor = p;
  }

  private void addLine(int start, int end) {
    if (lines == starts.length) {
      starts = Arrays.copyOf(starts, lines * 2);
      ends = Arrays.copyOf(ends, lines * 2);
    }
    starts[lines] = start;
    ends[lines] = end;
    lines++;
  }

  /** Index of the next separator at or after {@code from}, or -1 if none is in the buffer. */
  private int findSeparator(int from) {
    byte[] b = buf;
    int end = dataEnd;
    if (separator == null) {
      int i = from;
      // Eight bytes at a time: flag bytes equal to \n or \r (the lowest flag is exact).
      for (; i + 8 <= end; i += 8) {
        long w = (long) LONGS.get(b, i);
        long x = w ^ 0x0A0A0A0A0A0A0A0AL;
        long y = w ^ 0x0D0D0D0D0D0D0D0DL;
        long hit =
            (((x - 0x0101010101010101L) & ~x) | ((y - 0x0101010101010101L) & ~y))
                & 0x8080808080808080L;
        if (hit != 0) return i + (Long.numberOfTrailingZeros(hit) >>> 3);
      }
      for (; i < end; i++) {
        byte c = b[i];
        if (c == '\n' || c == '\r') return i;
      }
      return -1;
    }
    byte first = separator[0];
    int last = end - separator.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (b[i] != first) continue;
      for (int k = 1; k < separator.length; k++) {
        if (b[i + k] != separator[k]) continue outer;
      }
      return i;
    }
    return -1;
  }

  /** Length of the separator at {@code at}; -1 when a lone {@code \r} ends unread data. */
  private int separatorLength(int at) {
    if (separator != null) return separator.length;
    if (buf[at] == '\r') {
      if (at + 1 < dataEnd) return buf[at + 1] == '\n' ? 2 : 1;
      return eof ? 1 : Integer.MIN_VALUE / 2;
    }
    return 1;
  }

  /** Moves unconsumed bytes to the front, grows a full buffer and reads more. */
  private boolean refill() throws IOException {
    if (eof) return false;
    if (cursor > 0) {
      System.arraycopy(buf, cursor, buf, 0, dataEnd - cursor);
      bufferFilePos += cursor;
      dataEnd -= cursor;
      cursor = 0;
    }
    if (dataEnd == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
    int before = dataEnd;
    fill();
    return dataEnd > before || !eof;
  }

  private void fill() throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(buf, dataEnd, buf.length - dataEnd);
    while (bb.hasRemaining()) {
      int n = channel.read(bb);
      if (n < 0) {
        eof = true;
        break;
      }
      if (n == 0) break;
    }
    dataEnd = bb.position();
  }

  private void skipBom() {
    if (dataEnd >= 3
        && (buf[0] & 0xFF) == 0xEF
        && (buf[1] & 0xFF) == 0xBB
        && (buf[2] & 0xFF) == 0xBF) {
      cursor = 3;
    }
  }

  /** Positions the cursor at the first line starting at or after the split's start. */
  private void skipPartialLine() throws IOException {
    while (true) {
      int sepAt = findSeparator(cursor);
      if (sepAt >= 0) {
        int len = separatorLength(sepAt);
        if (len > 0) {
          cursor = sepAt + len;
          return;
        }
      } else if (separator != null) {
        // Keep a possible partial separator at the end of the buffer.
        cursor = Math.max(cursor, dataEnd - separator.length + 1);
      } else {
        cursor = dataEnd;
      }
      if (!refill()) {
        cursor = dataEnd;
        done = true;
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
