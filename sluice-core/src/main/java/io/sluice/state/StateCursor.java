package io.sluice.state;

/**
 * Walks the entries of a store without allocating an object per entry: call {@link #next()} until
 * it returns false; {@link #key()} and {@link #value()} are valid until the next call and must not
 * be modified.
 */
public interface StateCursor {
  boolean next();

  byte[] key();

  byte[] value();
}
