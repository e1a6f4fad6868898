package io.sluice.exec.expr.fn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The zone offset tables against {@code java.time}, at random instants and at transitions. */
class ZoneOffsetsTest {
  private static final List<String> ZONES =
      List.of(
          "UTC",
          "+05:30",
          "America/Los_Angeles",
          "Europe/London",
          "Europe/Dublin",
          "Australia/Lord_Howe",
          "America/Sao_Paulo",
          "Pacific/Apia",
          "Asia/Kolkata",
          "Asia/Tehran",
          "Africa/Casablanca",
          "America/St_Johns",
          "Antarctica/Troll",
          "America/Havana",
          "America/Toronto");

  /** Years 1600 to 2300, beyond the table limit (2200) on purpose. */
  private static final long MIN = -11_676_096_000L;

  private static final long MAX = 10_413_792_000L;

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(ZONES);
  }

  @Property(tries = 3000)
  void offsetsAndLocalTimesEqualJavaTime(
      @ForAll("zones") String zoneName, @ForAll @LongRange(min = MIN, max = MAX) long second) {
    ZoneId zone = ZoneId.of(zoneName);
    checkInstant(ZoneOffsets.of(zone), zone, second);
    checkLocal(ZoneOffsets.of(zone), zone, second);
  }

  @Test
  void everyTransitionEdgeEqualsJavaTime() {
    for (String name : ZONES) {
      ZoneId zone = ZoneId.of(name);
      ZoneOffsets offsets = ZoneOffsets.of(zone);
      ZoneOffsetTransition t =
          zone.getRules().nextTransition(Instant.parse("1850-01-01T00:00:00Z"));
      while (t != null && t.getInstant().getEpochSecond() < MAX) {
        long at = t.getInstant().getEpochSecond();
        int before = t.getOffsetBefore().getTotalSeconds();
        int after = t.getOffsetAfter().getTotalSeconds();
        for (long s : new long[] {at - 1, at, at + 1}) checkInstant(offsets, zone, s);
        long lo = at + Math.min(before, after);
        long hi = at + Math.max(before, after);
        for (long l : new long[] {lo - 1, lo, (lo + hi) / 2, hi - 1, hi, hi + 1}) {
          checkLocal(offsets, zone, l);
          checkDayStart(offsets, zone, Math.floorDiv(l, 86_400L));
        }
        t = zone.getRules().nextTransition(t.getInstant());
      }
    }
  }

  @Property(tries = 1000)
  void startOfDayEqualsAtStartOfDay(
      @ForAll("zones") String zoneName,
      @ForAll @LongRange(min = MIN / 86_400, max = MAX / 86_400) long day) {
    ZoneId zone = ZoneId.of(zoneName);
    checkDayStart(ZoneOffsets.of(zone), zone, day);
  }

  @Property(tries = 1000)
  void cursorAgreesOverAnAscendingRun(
      @ForAll("zones") String zoneName,
      @ForAll @LongRange(min = MIN, max = MAX) long start,
      @ForAll @LongRange(min = 1, max = 40L * 86_400) long step) {
    ZoneId zone = ZoneId.of(zoneName);
    ZoneOffsets.Cursor c = ZoneOffsets.of(zone).cursor();
    for (int i = 0; i < 50; i++) {
      long s = start + i * step;
      assertThat(c.offsetAt(s))
          .as("%s at %d", zoneName, s)
          .isEqualTo(zone.getRules().getOffset(Instant.ofEpochSecond(s)).getTotalSeconds());
    }
  }

  @Property(tries = 2000)
  void timestampTruncationEqualsTruncatedTo(
      @ForAll("zones") String zoneName,
      @ForAll @LongRange(min = -5_000_000_000L, max = 7_000_000_000L) long second,
      @ForAll @LongRange(min = 0, max = 999_999) long micros) {
    ZoneId zone = ZoneId.of(zoneName);
    ZoneOffsets offsets = ZoneOffsets.of(zone);
    long value = second * 1_000_000L + micros;
    ZonedDateTime z = Instant.ofEpochSecond(second, micros * 1000).atZone(zone);
    check(offsets, value, TruncLevel.MINUTE, z.truncatedTo(ChronoUnit.MINUTES));
    check(offsets, value, TruncLevel.HOUR, z.truncatedTo(ChronoUnit.HOURS));
    check(offsets, value, TruncLevel.DAY, z.truncatedTo(ChronoUnit.DAYS));
    check(offsets, value, TruncLevel.MONTH, z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone));
    check(offsets, value, TruncLevel.SECOND, z.truncatedTo(ChronoUnit.SECONDS));
  }

  private static void check(
      ZoneOffsets offsets, long micros, TruncLevel level, ZonedDateTime expected) {
    long got = TimestampKernels.truncate(micros, level, offsets, offsets.cursor());
    assertThat(got)
        .as("%s of %d in %s", level, micros, offsets.zone())
        .isEqualTo(expected.toEpochSecond() * 1_000_000L + expected.getNano() / 1000);
  }

  private static void checkInstant(ZoneOffsets offsets, ZoneId zone, long second) {
    int expected = zone.getRules().getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
    assertThat(offsets.offsetAt(second)).as("offset of %s at %d", zone, second).isEqualTo(expected);
    assertThat(offsets.cursor().offsetAt(second)).isEqualTo(expected);
  }

  private static void checkLocal(ZoneOffsets offsets, ZoneId zone, long local) {
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
    assertThat(offsets.toUtc(local))
        .as("%s in %s", ldt, zone)
        .isEqualTo(ZonedDateTime.of(ldt, zone).toEpochSecond());
    for (ZoneOffset preferred : zone.getRules().getValidOffsets(ldt)) {
      assertThat(offsets.toUtc(local, preferred.getTotalSeconds()))
          .as("%s in %s preferring %s", ldt, zone, preferred)
          .isEqualTo(ZonedDateTime.ofLocal(ldt, zone, preferred).toEpochSecond());
    }
  }

  private static void checkDayStart(ZoneOffsets offsets, ZoneId zone, long day) {
    assertThat(offsets.startOfDay(day))
        .as("start of %s in %s", LocalDate.ofEpochDay(day), zone)
        .isEqualTo(LocalDate.ofEpochDay(day).atStartOfDay(zone).toEpochSecond());
  }
}
