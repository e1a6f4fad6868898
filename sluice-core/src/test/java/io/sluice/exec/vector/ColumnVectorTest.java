package io.sluice.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ColumnVectorTest {

  @Test
  void appendsValuesAndNullsOfEveryLayout() {
    assertRoundTrip(DataTypes.LongType, 1L, null, -5L);
    assertRoundTrip(DataTypes.IntegerType, 1, null, 7);
    assertRoundTrip(DataTypes.DateType, 19000, null);
    assertRoundTrip(DataTypes.TimestampType, 1_700_000_000_000_000L, null);
    assertRoundTrip(DataTypes.ShortType, (short) 3, null);
    assertRoundTrip(DataTypes.ByteType, (byte) -3, null);
    assertRoundTrip(DataTypes.DoubleType, 1.5, null, Double.NaN);
    assertRoundTrip(DataTypes.FloatType, 1.5f, null);
    assertRoundTrip(DataTypes.BooleanType, true, null, false);
    assertRoundTrip(DataTypes.StringType, "héllo", null, "");
    assertRoundTrip(new DecimalType(10, 2), new BigDecimal("12.34"), null);
    assertRoundTrip(new DecimalType(30, 5), new BigDecimal("123456789012345678901.12345"), null);
  }

  @Test
  void nestedTypesRoundTrip() {
    StructType s = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType);
    ColumnVector v = ColumnVector.allocate(s, 2);
    v.append(new Object[] {1, "x"});
    v.appendNull();
    v.append(new Object[] {null, "y"});
    assertThat(v.size()).isEqualTo(3);
    assertThat((Object[]) v.getObject(0)).containsExactly(1, "x");
    assertThat(v.getObject(1)).isNull();
    assertThat((Object[]) v.getObject(2)).containsExactly(null, "y");

    ColumnVector arr = ColumnVector.allocate(DataTypes.createArrayType(DataTypes.LongType), 1);
    arr.append(new Object[] {1L, null, 3L});
    arr.append(new Object[] {});
    arr.appendNull();
    assertThat((Object[]) arr.getObject(0)).containsExactly(1L, null, 3L);
    assertThat((Object[]) arr.getObject(1)).isEmpty();
    assertThat(arr.getObject(2)).isNull();
    ColumnVector g = arr.gather(new int[] {2, 0}, 2);
    assertThat(g.getObject(0)).isNull();
    assertThat((Object[]) g.getObject(1)).containsExactly(1L, null, 3L);

    ColumnVector map =
        ColumnVector.allocate(
            DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType), 1);
    map.append(new MapValue(new Object[] {"k"}, new Object[] {1}));
    MapValue m = (MapValue) map.getObject(0);
    assertThat(m.keys()).containsExactly("k");
    assertThat(m.values()).containsExactly(1);
  }

  @Test
  void doublesGroupNanAndSignedZeroTogether() {
    DoubleVector v =
        new DoubleVector(
            DataTypes.DoubleType, new double[] {Double.NaN, 0.0 / 0.0, 0.0, -0.0}, null, 4);
    assertThat(v.valueEquals(0, v, 1)).isTrue();
    assertThat(v.valueEquals(2, v, 3)).isTrue();
    int[] h = new int[4];
    v.hashInto(h, 4);
    assertThat(h[0]).isEqualTo(h[1]);
    assertThat(h[2]).isEqualTo(h[3]);
  }

  @Test
  void bytesCompareAsUnsignedUtf8() {
    BytesVector v = new BytesVector(DataTypes.StringType, 2);
    v.appendString("a");
    v.appendString("é");
    assertThat(v.compare(0, v, 1)).isNegative();
  }

  @Property(tries = 200)
  void gatherPicksTheSelectedRows(
      @ForAll("longsWithNulls") List<Long> values, @ForAll("seeds") long seed) {
    ColumnVector v = ColumnVector.allocate(DataTypes.LongType, 1);
    for (Long x : values) v.append(x);
    java.util.Random r = new java.util.Random(seed);
    int n = values.isEmpty() ? 0 : r.nextInt(values.size() * 2);
    int[] sel = new int[n];
    for (int i = 0; i < n; i++) sel[i] = r.nextInt(values.size());
    ColumnVector g = v.gather(sel, n);
    assertThat(g.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(g.getObject(i)).isEqualTo(values.get(sel[i]));
      assertThat(g.valueEquals(i, v, sel[i])).isTrue();
    }
  }

  @Property(tries = 200)
  void equalStringsHashEqually(@ForAll("strings") List<String> values) {
    ColumnVector v = ColumnVector.allocate(DataTypes.StringType, 1);
    for (String s : values) v.append(s);
    int[] h = new int[values.size()];
    v.hashInto(h, values.size());
    for (int i = 0; i < values.size(); i++) {
      for (int j = 0; j < values.size(); j++) {
        boolean eq = java.util.Objects.equals(values.get(i), values.get(j));
        assertThat(v.valueEquals(i, v, j)).isEqualTo(eq);
        if (eq) assertThat(h[i]).isEqualTo(h[j]);
      }
    }
  }

  @Provide
  Arbitrary<List<Long>> longsWithNulls() {
    return Arbitraries.longs().injectNull(0.2).list().ofMaxSize(50);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<List<String>> strings() {
    return Arbitraries.of("a", "b", "é", "", "longer text").injectNull(0.2).list().ofMaxSize(12);
  }

  private static void assertRoundTrip(DataType type, Object... values) {
    ColumnVector v = ColumnVector.allocate(type, 1);
    for (Object o : values) v.append(o);
    List<Object> back = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) back.add(v.getObject(i));
    assertThat(back).as(type.simpleString()).isEqualTo(Arrays.asList(values));
    ColumnVector copy = ColumnVector.allocate(type, 1);
    for (int i = 0; i < v.size(); i++) copy.appendFrom(v, i);
    for (int i = 0; i < v.size(); i++) assertThat(copy.valueEquals(i, v, i)).isTrue();
  }
}
