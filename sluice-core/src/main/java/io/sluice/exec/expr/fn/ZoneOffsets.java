package io.sluice.exec.expr.fn;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A zone's UTC offsets as sorted arrays, so converting between instants and local date-times costs
 * a binary search (or two comparisons, through a {@link Cursor}) instead of a {@code ZoneRules}
 * lookup and a {@code ZonedDateTime} per value. The transitions of a zone are listed once, up to
 * {@link #LIMIT_SECOND} (year 2200), and shared by all queries; beyond that (and for the rare value
 * outside {@code LocalDateTime}'s range) the slow path asks {@code java.time} directly, so results
 * always equal {@code java.time}'s (the property tests check it).
 *
 * <p>All values are epoch seconds: "UTC" seconds are instants, "local" seconds are the local
 * date-time read as if it were UTC.
 */
final class ZoneOffsets {
  /** 2200-01-01T00:00:00Z. */
  static final long LIMIT_SECOND = 7_258_118_400L;

  /** Where the scan of rule-based transitions starts for a zone without history. */
  private static final Instant SCAN_START = Instant.parse("1800-01-01T00:00:00Z");

  private static final ConcurrentHashMap<ZoneId, ZoneOffsets> CACHE = new ConcurrentHashMap<>();

  private final ZoneId zone;
  private final ZoneRules rules;
  private final boolean fixed;
  private final int fixedOffset;

  /** Transition instants, ascending. */
  private final long[] transitions;

  /** Offset in force before transition {@code i}; {@code before[n]} is the last offset. */
  private final int[] before;

  /** {@code transitions[i] + max(before[i], before[i + 1])}: local times below it map before. */
  private final long[] localKeys;

  private ZoneOffsets(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset();
    this.fixedOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
    List<ZoneOffsetTransition> list = fixed ? List.of() : transitionsUpToLimit(rules);
    int n = list.size();
    transitions = new long[n];
    before = new int[n + 1];
    localKeys = new long[n];
    for (int i = 0; i < n; i++) {
      ZoneOffsetTransition t = list.get(i);
      transitions[i] = t.getInstant().getEpochSecond();
      before[i] = t.getOffsetBefore().getTotalSeconds();
      before[i + 1] = t.getOffsetAfter().getTotalSeconds();
      localKeys[i] = transitions[i] + Math.max(before[i], before[i + 1]);
    }
    if (n == 0) before[0] = fixedOffset;
  }

  /** The historical transitions, then those of the annual rules, up to the limit. */
  private static List<ZoneOffsetTransition> transitionsUpToLimit(ZoneRules rules) {
    List<ZoneOffsetTransition> out = new ArrayList<>();
    Instant last = SCAN_START;
    for (ZoneOffsetTransition h : rules.getTransitions()) {
      if (h.getInstant().getEpochSecond() >= LIMIT_SECOND) return out;
      out.add(h);
      last = h.getInstant();
    }
    ZoneOffsetTransition t = rules.nextTransition(last);
    while (t != null && t.getInstant().getEpochSecond() < LIMIT_SECOND) {
      out.add(t);
      t = rules.nextTransition(t.getInstant());
    }
    return out;
  }

  /** The shared offsets of {@code zone}. */
  static ZoneOffsets of(ZoneId zone) {
    return CACHE.computeIfAbsent(zone, ZoneOffsets::new);
  }

  ZoneId zone() {
    return zone;
  }

  /** True when the zone has one offset for all time. */
  boolean isFixed() {
    return fixed;
  }

  /** The offset (seconds) in force at the instant {@code utcSecond}. */
  int offsetAt(long utcSecond) {
    if (fixed) return fixedOffset;
    if (utcSecond >= LIMIT_SECOND) return slowOffsetAt(utcSecond);
    return before[firstAbove(transitions, utcSecond)];
  }

  /**
   * The instant of a local date-time, as {@code ZonedDateTime.of}: in a gap the local time moves
   * later by the gap's length; in an overlap the earlier offset wins.
   */
  long toUtc(long localSecond) {
    if (fixed) return localSecond - fixedOffset;
    if (localSecond >= LIMIT_SECOND) return slowToUtc(localSecond, null);
    return localSecond - before[firstAbove(localKeys, localSecond)];
  }

  /**
   * The instant of a local date-time, keeping {@code preferredOffset} when the local time is in an
   * overlap where that offset is valid (as {@code ZonedDateTime.truncatedTo} and the {@code with}
   * methods do); gaps and other times as {@link #toUtc}.
   */
  long toUtc(long localSecond, int preferredOffset) {
    if (fixed) return localSecond - fixedOffset;
    if (localSecond >= LIMIT_SECOND) {
      return slowToUtc(localSecond, ZoneOffset.ofTotalSeconds(preferredOffset));
    }
    int j = firstAbove(localKeys, localSecond);
    if (j < transitions.length
        && preferredOffset == before[j + 1]
        && before[j + 1] < before[j]
        && localSecond >= transitions[j] + before[j + 1]) {
      return localSecond - preferredOffset;
    }
    return localSecond - before[j];
  }

  /** The first instant of a local day, as {@code LocalDate.atStartOfDay(zone)}. */
  long startOfDay(long epochDay) {
    long local = epochDay * 86_400L;
    if (fixed) return local - fixedOffset;
    if (local >= LIMIT_SECOND) {
      return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
    }
    int j = firstAbove(localKeys, local);
    if (j < transitions.length
        && before[j + 1] > before[j]
        && local >= transitions[j] + before[j]) {
      return transitions[j]; // midnight is in a gap: the day starts when the gap ends
    }
    return local - before[j];
  }

  /** The first index whose key is greater than {@code v} ({@code keys.length} if none). */
  private static int firstAbove(long[] keys, long v) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int slowOffsetAt(long utcSecond) {
    return rules.getOffset(Instant.ofEpochSecond(utcSecond)).getTotalSeconds();
  }

  private long slowToUtc(long localSecond, ZoneOffset preferred) {
    try {
      LocalDateTime ldt = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
      return ZonedDateTime.ofLocal(ldt, zone, preferred).toEpochSecond();
    } catch (DateTimeException e) {
      return localSecond - slowOffsetAt(localSecond);
    }
  }

  /** A cursor that remembers the last offset interval, for values that cluster in time. */
  Cursor cursor() {
    return new Cursor();
  }

  /**
   * Instant-to-offset lookups that first try the interval of the previous lookup. Not thread-safe:
   * make one per batch loop.
   */
  final class Cursor {
    private long from = 1;
    private long until = 0;
    private int offset;

    /** The offset in force at {@code utcSecond}. */
    int offsetAt(long utcSecond) {
      if (utcSecond >= from && utcSecond < until) return offset;
      if (fixed) {
        from = Long.MIN_VALUE;
        until = Long.MAX_VALUE;
        offset = fixedOffset;
        return offset;
      }
      if (utcSecond >= LIMIT_SECOND) return slowOffsetAt(utcSecond);
      int j = firstAbove(transitions, utcSecond);
      from = j == 0 ? Long.MIN_VALUE : transitions[j - 1];
      until = j == transitions.length ? LIMIT_SECOND : transitions[j];
      offset = before[j];
      return offset;
    }

    /** The local second of the instant {@code utcSecond}. */
    long toLocal(long utcSecond) {
      return utcSecond + offsetAt(utcSecond);
    }
  }
}
