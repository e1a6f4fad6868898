package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.DateTimes;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.plan.expr.Expression;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A time zone argument ({@code from_utc_timestamp(ts, 'Asia/Tokyo')}): a constant resolved once per
 * query, or names read per row and resolved through a small cache. Names are read as Spark reads
 * them ({@link DateTimes#zoneOf}: region ids, offsets, {@code UTC}, short ids like {@code PST}).
 */
final class ZoneArgument {
  private static final int MAX_CACHED = 256;

  private final boolean perRow;
  private final boolean constantIsNull;
  private final String constantText;
  private final ZoneOffsets fixed;
  private final ConcurrentHashMap<String, ZoneOffsets> cache = new ConcurrentHashMap<>();

  ZoneArgument(Expression argument, VectorEvaluator evaluator) {
    Object c = TemporalVectors.constant(argument, evaluator);
    perRow = c == TemporalVectors.NOT_CONSTANT;
    constantIsNull = c == null;
    constantText = c instanceof String s ? s : null;
    fixed = constantText == null ? null : tryLookup(constantText);
  }

  /** True when the zone is read per row. */
  boolean perRow() {
    return perRow;
  }

  /** The constant zone, or null when per row, null or invalid. */
  ZoneOffsets fixed() {
    return fixed;
  }

  boolean constantIsNull() {
    return constantIsNull;
  }

  /** The constant's text (for errors), or null. */
  String constantText() {
    return constantText;
  }

  /** The zone named {@code name}, or null when it names none. */
  ZoneOffsets tryLookup(String name) {
    ZoneOffsets z = cache.get(name);
    if (z != null) return z;
    ZoneId id = DateTimes.zoneOf(name);
    if (id == null) return null;
    if (cache.size() >= MAX_CACHED) cache.clear();
    z = ZoneOffsets.of(id);
    cache.put(name, z);
    return z;
  }

  /** The zone named {@code name}, or {@code INVALID_TIMEZONE}. */
  ZoneOffsets lookup(String name) {
    ZoneOffsets z = tryLookup(name);
    if (z == null) throw DateTimeErrors.invalidTimeZone(name);
    return z;
  }
}
