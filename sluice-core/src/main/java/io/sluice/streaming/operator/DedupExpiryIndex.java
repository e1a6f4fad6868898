package io.sluice.streaming.operator;

import io.sluice.state.StateCursor;
import io.sluice.state.StateStore;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The keys a deduplication holds in one partition with the event time each expires at, in buckets
 * of the batch that stored them with each bucket's earliest expiry, so that eviction visits only
 * buckets holding an expired key instead of every key of the store (event time mostly advances, so
 * old buckets empty and new ones are skipped). {@code version} is the state version it reflects; -1
 * while a batch is changing it, so a failed batch makes the next one rebuild it from the store.
 */
final class DedupExpiryIndex {
  /** The state value: the big-endian event time (micros) after which a key expires. */
  static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  long version = -1;
  private final List<Bucket> buckets = new ArrayList<>();
  private Bucket current;

  private static final class Bucket {
    byte[][] keys = new byte[64][];
    long[] expires = new long[64];
    int size;
    long min = Long.MAX_VALUE;

    void add(byte[] key, long exp) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        expires = Arrays.copyOf(expires, size * 2);
      }
      keys[size] = key;
      expires[size++] = exp;
      if (exp < min) min = exp;
    }
  }

  /** Rebuilds from every entry of {@code store}. */
  void restore(StateStore store) {
    buckets.clear();
    startBatch();
    StateCursor c = store.iterator();
    while (c.next()) current.add(c.key(), (long) LONG.get(c.value(), 0));
  }

  /** Starts the bucket of this batch's new keys. */
  void startBatch() {
    current = new Bucket();
    buckets.add(current);
  }

  void add(byte[] key, long expires) {
    current.add(key, expires);
  }

  /** Removes every key expiring at or before {@code bound} from the store and the index. */
  long evict(long bound, StateStore store) {
    long removed = 0;
    for (Iterator<Bucket> it = buckets.iterator(); it.hasNext(); ) {
      Bucket b = it.next();
      if (b.min > bound) continue;
      int kept = 0;
      long min = Long.MAX_VALUE;
      for (int i = 0; i < b.size; i++) {
        long exp = b.expires[i];
        if (exp <= bound) {
          store.remove(b.keys[i]);
          removed++;
        } else {
          b.keys[kept] = b.keys[i];
          b.expires[kept++] = exp;
          if (exp < min) min = exp;
        }
      }
      Arrays.fill(b.keys, kept, b.size, null);
      b.size = kept;
      b.min = min;
      if (kept == 0 && b != current) it.remove();
    }
    return removed;
  }
}
