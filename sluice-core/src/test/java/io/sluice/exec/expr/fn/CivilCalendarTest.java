package io.sluice.exec.expr.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.expr.fn.DateFieldKernels.DateField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The integer calendar arithmetic against {@code java.time}. */
class CivilCalendarTest {
  /** Days of years -999999 to 999999. */
  private static final int MIN_DAY = -365961663; // -999999-01-01

  private static final int MAX_DAY = 364522971; // 999999-12-31

  @Property(tries = 3000)
  void fieldsEqualJavaTime(@ForAll @IntRange(min = MIN_DAY, max = MAX_DAY) int day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    assertThat(CivilCalendar.year(day)).isEqualTo(d.getYear());
    assertThat(CivilCalendar.month(day)).isEqualTo(d.getMonthValue());
    assertThat(CivilCalendar.dayOfMonth(day)).isEqualTo(d.getDayOfMonth());
    assertThat(CivilCalendar.dayOfYear(day)).isEqualTo(d.getDayOfYear());
    assertThat(CivilCalendar.quarter(day)).isEqualTo(d.get(IsoFields.QUARTER_OF_YEAR));
    assertThat(CivilCalendar.isoDayOfWeek(day)).isEqualTo(d.getDayOfWeek().getValue());
    assertThat(CivilCalendar.dayOfWeekFromSunday(day))
        .isEqualTo(d.getDayOfWeek().getValue() % 7 + 1);
    assertThat(CivilCalendar.isoWeekOfYear(day))
        .isEqualTo(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    assertThat(CivilCalendar.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
        .isEqualTo(day);
    assertThat(CivilCalendar.lastDayOfMonth(day))
        .isEqualTo(d.with(TemporalAdjusters.lastDayOfMonth()).toEpochDay());
  }

  @Property(tries = 2000)
  void addMonthsEqualsPlusMonths(
      @ForAll @IntRange(min = -200_000, max = 200_000) int day,
      @ForAll @IntRange(min = -5000, max = 5000) int months) {
    assertThat(CivilCalendar.addMonths(day, months))
        .isEqualTo(LocalDate.ofEpochDay(day).plusMonths(months).toEpochDay());
  }

  @Property(tries = 2000)
  void truncationEqualsJavaTime(@ForAll @IntRange(min = -200_000, max = 200_000) int day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    assertThat(TruncLevel.WEEK.truncateDay(day))
        .isEqualTo(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay());
    assertThat(TruncLevel.MONTH.truncateDay(day)).isEqualTo(d.withDayOfMonth(1).toEpochDay());
    assertThat(TruncLevel.QUARTER.truncateDay(day))
        .isEqualTo(d.with(IsoFields.DAY_OF_QUARTER, 1).toEpochDay());
    assertThat(TruncLevel.YEAR.truncateDay(day)).isEqualTo(d.withDayOfYear(1).toEpochDay());
  }

  @Property(tries = 300)
  void vectorizedExtractionEqualsJavaTime(@ForAll long seed) {
    java.util.Random r = new java.util.Random(seed);
    int n = 1 + r.nextInt(64);
    int[] days = new int[n];
    for (int i = 0; i < n; i++) days[i] = MIN_DAY + r.nextInt(MAX_DAY - MIN_DAY);
    int[] out = new int[n];
    for (DateField f : DateField.values()) {
      DateFieldKernels.extract(f, days, out, n);
      for (int i = 0; i < n; i++) {
        LocalDate d = LocalDate.ofEpochDay(days[i]);
        int expected =
            switch (f) {
              case YEAR -> d.getYear();
              case QUARTER -> d.get(IsoFields.QUARTER_OF_YEAR);
              case MONTH -> d.getMonthValue();
              case DAY_OF_MONTH -> d.getDayOfMonth();
              case DAY_OF_WEEK -> d.getDayOfWeek().getValue() % 7 + 1;
              case DAY_OF_YEAR -> d.get(ChronoField.DAY_OF_YEAR);
              case WEEK_OF_YEAR -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
              case ISO_DAY_OF_WEEK -> d.getDayOfWeek().getValue();
              case YEAR_OF_WEEK -> d.get(IsoFields.WEEK_BASED_YEAR);
            };
        assertThat(out[i]).as("%s of %s", f, d).isEqualTo(expected);
      }
    }
  }

  @Test
  void edgesOfTheDateRange() {
    for (int day : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 59, 60, -719_528}) {
      long p = CivilCalendar.civil(day);
      long back =
          CivilCalendar.daysFromCivil(
              CivilCalendar.packedYear(p),
              CivilCalendar.packedMonth(p),
              CivilCalendar.packedDay(p));
      assertThat(back).isEqualTo(day);
      assertThat(CivilCalendar.year(day)).isEqualTo(CivilCalendar.packedYear(p));
      assertThat(CivilCalendar.month(day)).isEqualTo(CivilCalendar.packedMonth(p));
      assertThat(CivilCalendar.dayOfMonth(day)).isEqualTo(CivilCalendar.packedDay(p));
    }
    assertThat(CivilCalendar.year(-719_528)).isEqualTo(0); // 0000-01-01
    assertThat(CivilCalendar.year(-719_529)).isEqualTo(-1);
  }
}
