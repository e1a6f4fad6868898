package io.sluice.connector.file;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The files the streaming file source has admitted, with their modification times, as Spark's
 * {@code SeenFilesMap}: a file is new when it is not in the map and not older than the last purge
 * threshold; {@link #purge} forgets files more than {@code maxAgeMs} older than the newest file
 * seen (not than the clock). With {@code fileNameOnly} files are known by name alone.
 */
final class SeenFiles {
  private final long maxAgeMs;
  private final boolean fileNameOnly;
  private final Map<String, Long> times = new HashMap<>();
  private long latestTimestamp = Long.MIN_VALUE;
  private long purgeThreshold = Long.MIN_VALUE;

  SeenFiles(long maxAgeMs, boolean fileNameOnly) {
    this.maxAgeMs = maxAgeMs;
    this.fileNameOnly = fileNameOnly;
  }

  private String key(String uri) {
    if (!fileNameOnly) return uri;
    int slash = uri.lastIndexOf('/');
    return slash < 0 ? uri : uri.substring(slash + 1);
  }

  void add(String uri, long timestamp) {
    times.put(key(uri), timestamp);
    if (timestamp > latestTimestamp) latestTimestamp = timestamp;
  }

  /**
   * True when the file should be read: not seen, and not older than the last purge's threshold (so
   * a file older than the newest by more than the age is never admitted, purged or not).
   */
  boolean isNew(String uri, long timestamp) {
    return timestamp >= purgeThreshold && !times.containsKey(key(uri));
  }

  /** Forgets files older than the threshold; returns how many. */
  int purge() {
    purgeThreshold =
        maxAgeMs == Long.MAX_VALUE ? Long.MIN_VALUE : saturatedMinus(latestTimestamp, maxAgeMs);
    int n = 0;
    for (Iterator<Long> it = times.values().iterator(); it.hasNext(); ) {
      if (it.next() < purgeThreshold) {
        it.remove();
        n++;
      }
    }
    return n;
  }

  /** Files older than this (ms since the epoch) are never new again. */
  long purgeThreshold() {
    return purgeThreshold;
  }

  int size() {
    return times.size();
  }

  private static long saturatedMinus(long a, long b) {
    long r = a - b;
    return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
  }
}
