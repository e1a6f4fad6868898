package io.sluice.connector.file;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that counts the bytes written through it: the file writers' byte target ({@code
 * maxBytesPerFile}) and formats that need their position in the file (Parquet) use it.
 */
public final class CountingOutputStream extends FilterOutputStream {
  private long count;

  /** Counts the bytes written to {@code out}, from zero. */
  public CountingOutputStream(OutputStream out) {
    super(out);
  }

  /** The bytes written so far. */
  public long count() {
    return count;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    count += len;
  }
}
