package io.sluice.exec.operator.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.util.Random;
import java.util.function.IntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The radix path for one fixed-width key orders rows exactly as the comparator path does. */
class RowComparatorTest {
  private static final double[] SPECIAL = {
    Double.NaN,
    -0.0,
    0.0,
    Double.NEGATIVE_INFINITY,
    Double.POSITIVE_INFINITY,
    -1.5,
    1.5,
    Double.MIN_VALUE,
    -Double.MAX_VALUE
  };

  @Property(tries = 80)
  void radixSortAgreesWithMergeSort(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 4) int typeIndex,
      @ForAll boolean ascending,
      @ForAll boolean nullsFirst) {
    Random rnd = new Random(seed);
    int n = 65 + rnd.nextInt(500);
    DataType[] types = {
      DataTypes.LongType,
      DataTypes.IntegerType,
      DataTypes.DoubleType,
      DataTypes.FloatType,
      new DecimalType(10, 2)
    };
    DataType t = types[typeIndex];
    IntFunction<Object> value =
        i ->
            switch (typeIndex) {
              case 0 -> rnd.nextBoolean() ? (long) rnd.nextInt(20) - 10 : rnd.nextLong();
              case 1 -> rnd.nextInt(40) - 20;
              case 2 ->
                  rnd.nextBoolean() ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextGaussian();
              case 3 ->
                  (float)
                      (rnd.nextBoolean()
                          ? SPECIAL[rnd.nextInt(SPECIAL.length)]
                          : rnd.nextGaussian());
              default -> BigDecimal.valueOf(rnd.nextInt(2000) - 1000, 2);
            };
    ColumnVector v = ColumnVector.allocate(t, n);
    for (int i = 0; i < n; i++) v.append(rnd.nextInt(10) == 0 ? null : value.apply(i));
    ColumnVector[] keys = {v};
    boolean[] asc = {ascending};
    boolean[] nf = {nullsFirst};
    int[] radix = RowComparator.sortedOrder(keys, asc, nf, n);
    int[] merge = RowComparator.of(keys, asc, nf, n).sortedOrder(n);
    assertThat(radix).containsExactly(merge);
  }
}
