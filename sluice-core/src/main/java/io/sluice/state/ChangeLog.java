package io.sluice.state;

import java.util.Arrays;

/**
 * The updates of one batch in the order they were made ({@link StateFiles#REMOVED} values for
 * removals): appending costs no hashing, and replaying the log in order gives the same state as
 * applying each key's last change.
 */
final class ChangeLog {
  private byte[][] keys;
  private byte[][] values;
  private int size;

  ChangeLog(int expected) {
    keys = new byte[Math.max(16, expected)][];
    values = new byte[keys.length][];
  }

  void add(byte[] key, byte[] value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size++] = value;
  }

  int size() {
    return size;
  }

  StateCursor cursor() {
    return new StateCursor() {
      private int i = -1;

      @Override
      public boolean next() {
        return ++i < size;
      }

      @Override
      public byte[] key() {
        return keys[i];
      }

      @Override
      public byte[] value() {
        return values[i];
      }
    };
  }
}
