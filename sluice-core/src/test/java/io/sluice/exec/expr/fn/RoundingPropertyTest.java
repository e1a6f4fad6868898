package io.sluice.exec.expr.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.DecimalVector;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The unscaled-long rounding paths agree with {@link BigDecimal#setScale}. */
class RoundingPropertyTest {
  private static final RoundingMode[] MODES = {
    RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.CEILING, RoundingMode.FLOOR
  };

  @Property(tries = 500)
  void quotientsRoundLikeBigDecimal(
      @ForAll @LongRange(min = -999_999_999_999_999_999L, max = 999_999_999_999_999_999L) long u,
      @ForAll @IntRange(min = 1, max = 18) int digits,
      @ForAll @IntRange(min = 0, max = 3) int mode) {
    long divisor = BigDecimal.TEN.pow(digits).longValueExact();
    long expected =
        BigDecimal.valueOf(u).movePointLeft(digits).setScale(0, MODES[mode]).longValueExact();
    assertThat(RoundingKernels.roundQuotient(u, divisor, MODES[mode])).isEqualTo(expected);
  }

  @Property(tries = 300)
  void decimalsRoundLikeBigDecimal(
      @ForAll @LongRange(min = -99_999_999_999L, max = 99_999_999_999L) long unscaled,
      @ForAll @IntRange(min = -4, max = 8) int scale,
      @ForAll @IntRange(min = 0, max = 3) int mode) {
    DecimalType in = new DecimalType(12, 5);
    DecimalVector v = new DecimalVector(in, 1);
    v.setUnscaled(0, unscaled);
    v.setSize(1);
    int target = Math.min(5, scale);
    int p = 12 - 5 + 1;
    DecimalType out =
        scale < 0
            ? new DecimalType(Math.max(p, -scale + 1), 0)
            : new DecimalType(p + target, target);
    BigDecimal expected =
        BigDecimal.valueOf(unscaled, 5).setScale(target, MODES[mode]).setScale(out.scale());
    DecimalVector r = RoundingKernels.roundDecimals(v, out, scale, MODES[mode], 1);
    assertThat(r.getDecimal(0)).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void doublesRoundThroughTheirDecimalText(
      @ForAll double d, @ForAll @IntRange(min = -3, max = 20) int scale, @ForAll boolean even) {
    RoundingMode mode = even ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
    double expected =
        Double.isNaN(d) || Double.isInfinite(d)
            ? d
            : new BigDecimal(Double.toString(d)).setScale(scale, mode).doubleValue();
    assertThat(RoundingKernels.roundDouble(d, scale, mode)).isEqualTo(expected);
  }

  /** Short decimals such as 2.675 or 0.125 sit on or next to ties in binary. */
  @Property(tries = 2000)
  void shortDecimalsRoundLikeTheirText(
      @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long unscaled,
      @ForAll @IntRange(min = 0, max = 7) int digits,
      @ForAll @IntRange(min = 0, max = 6) int scale,
      @ForAll boolean even) {
    RoundingMode mode = even ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
    double d = BigDecimal.valueOf(unscaled, digits).doubleValue();
    double expected = new BigDecimal(Double.toString(d)).setScale(scale, mode).doubleValue();
    assertThat(RoundingKernels.roundDouble(d, scale, mode))
        .as("%s at %d", d, scale)
        .isEqualTo(expected);
  }
}
