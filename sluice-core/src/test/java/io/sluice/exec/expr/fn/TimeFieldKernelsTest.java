package io.sluice.exec.expr.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The vectorized timestamp kernels against {@code java.time}. */
class TimeFieldKernelsTest {
  private static final long MIN_SECOND = -6_000_000_000L; // 1779
  private static final long MAX_SECOND = 8_000_000_000L; // 2223

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(
        "UTC",
        "America/Los_Angeles",
        "Europe/Berlin",
        "Australia/Lord_Howe",
        "Asia/Kathmandu",
        "America/St_Johns",
        "Pacific/Chatham");
  }

  @Property(tries = 300)
  void hourMinuteSecondEqualZonedDateTime(@ForAll("zones") String zoneName, @ForAll long seed) {
    ZoneId zone = ZoneId.of(zoneName);
    long[] micros = randomMicros(new Random(seed), 200);
    ColumnBatch batch =
        new ColumnBatch(
            new ColumnVector[] {
              new LongVector(DataTypes.TimestampType, micros, null, micros.length)
            },
            micros.length);
    VectorEvaluator arg = b -> b.column(0);
    int[] h = eval(DateFieldKernels.timeField(arg, DateFieldKernels.TimeField.HOUR, zone), batch);
    int[] m = eval(DateFieldKernels.timeField(arg, DateFieldKernels.TimeField.MINUTE, zone), batch);
    int[] s = eval(DateFieldKernels.timeField(arg, DateFieldKernels.TimeField.SECOND, zone), batch);
    for (int i = 0; i < micros.length; i++) {
      ZonedDateTime z = instant(micros[i]).atZone(zone);
      assertThat(new int[] {h[i], m[i], s[i]})
          .as("%s", z)
          .containsExactly(z.getHour(), z.getMinute(), z.getSecond());
    }
  }

  @Property(tries = 1000)
  void monthsBetweenEqualsAJavaTimeReference(@ForAll("zones") String zoneName, @ForAll long seed) {
    ZoneId zone = ZoneId.of(zoneName);
    ZoneOffsets offsets = ZoneOffsets.of(zone);
    Random r = new Random(seed);
    long a = randomMicros(r, 1)[0];
    // Same day of month, month ends and arbitrary pairs all matter.
    long b =
        switch (r.nextInt(3)) {
          case 0 -> a + (r.nextInt(48) - 24) * 30L * 86_400_000_000L;
          case 1 ->
              micros(
                  instant(a)
                      .atZone(zone)
                      .toLocalDate()
                      .withDayOfMonth(1)
                      .plusMonths(r.nextInt(30) - 15)
                      .withDayOfMonth(1)
                      .plusMonths(1)
                      .minusDays(1)
                      .atStartOfDay(zone)
                      .plusSeconds(r.nextInt(86_400))
                      .toInstant());
          default -> randomMicros(r, 1)[0];
        };
    boolean round = r.nextBoolean();
    assertThat(TimestampKernels.monthsBetween(a, b, round, offsets, offsets.cursor()))
        .isEqualTo(reference(a, b, round, zone));
  }

  /** Spark's definition, written with java.time. */
  private static double reference(long micros1, long micros2, boolean round, ZoneId zone) {
    ZonedDateTime z1 = instant(micros1).atZone(zone);
    ZonedDateTime z2 = instant(micros2).atZone(zone);
    LocalDate d1 = z1.toLocalDate();
    LocalDate d2 = z2.toLocalDate();
    double months =
        (d1.getYear() * 12L + d1.getMonthValue()) - (d2.getYear() * 12L + d2.getMonthValue());
    if (d1.getDayOfMonth() == d2.getDayOfMonth()
        || (d1.getDayOfMonth() == d1.lengthOfMonth() && d2.getDayOfMonth() == d2.lengthOfMonth())) {
      return months;
    }
    long s1 =
        ChronoUnit.MICROS.between(d1.atStartOfDay(zone).toInstant(), instant(micros1)) / 1_000_000L;
    long s2 =
        ChronoUnit.MICROS.between(d2.atStartOfDay(zone).toInstant(), instant(micros2)) / 1_000_000L;
    long seconds = (d1.getDayOfMonth() - d2.getDayOfMonth()) * 86_400L + s1 - s2;
    double diff = months + seconds / (31 * 86_400.0);
    return round ? Math.round(diff * 1e8) / 1e8 : diff;
  }

  private static int[] eval(VectorEvaluator e, ColumnBatch batch) {
    return ((IntVector) e.evaluate(batch)).values();
  }

  private static long[] randomMicros(Random r, int n) {
    long[] out = new long[n];
    long base = MIN_SECOND + (long) (r.nextDouble() * (MAX_SECOND - MIN_SECOND));
    for (int i = 0; i < n; i++) {
      long second =
          r.nextInt(4) == 0
              ? MIN_SECOND + (long) (r.nextDouble() * (MAX_SECOND - MIN_SECOND))
              : base + r.nextInt(400 * 86_400);
      out[i] = second * 1_000_000L + r.nextInt(1_000_000);
    }
    return out;
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static long micros(Instant i) {
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }
}
