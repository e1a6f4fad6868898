package io.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTest {

  @Test
  void toStringIsSparksBracketedCommaList() {
    assertThat(RowFactory.create("a", 1, null).toString()).isEqualTo("[a,1,null]");
    assertThat(RowFactory.create(RowFactory.create(1, 2), "x").toString()).isEqualTo("[[1,2],x]");
    assertThat(RowFactory.create(List.of(1, 2), 3L).toString()).isEqualTo("[[1, 2],3]");
    assertThat(RowFactory.create().toString()).isEqualTo("[]");
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("k", 1);
    assertThat(RowFactory.create(m).toString()).isEqualTo("[{k=1}]");
  }

  @Test
  void equalityFollowsSparkValueRules() {
    assertThat(RowFactory.create(1, "a")).isEqualTo(RowFactory.create(1, "a"));
    assertThat(RowFactory.create(1, "a")).isNotEqualTo(RowFactory.create(1, "b"));
    assertThat(RowFactory.create(1)).isNotEqualTo(RowFactory.create(1, 2));
    assertThat(RowFactory.create(new byte[] {1, 2}))
        .isEqualTo(RowFactory.create(new byte[] {1, 2}));
    assertThat(RowFactory.create(new BigDecimal("1.50")))
        .isEqualTo(RowFactory.create(new BigDecimal("1.5")))
        .hasSameHashCodeAs(RowFactory.create(new BigDecimal("1.5")));
    assertThat(RowFactory.create(Double.NaN)).isEqualTo(RowFactory.create(Double.NaN));
    assertThat(RowFactory.create(Double.NaN)).isNotEqualTo(RowFactory.create(Float.NaN));
    // Scala's == on boxed numbers is numeric, as Spark's Row.equals inherits.
    assertThat(RowFactory.create(1))
        .isEqualTo(RowFactory.create(1L))
        .hasSameHashCodeAs(RowFactory.create(1L));
    assertThat(RowFactory.create(2.0)).isEqualTo(RowFactory.create(2));
    assertThat(RowFactory.create(2.5)).isNotEqualTo(RowFactory.create(2));
    assertThat(RowFactory.create((Object) null)).isEqualTo(RowFactory.create((Object) null));
    assertThat(RowFactory.create((Object) null)).isNotEqualTo(RowFactory.create(0));
    // The schema does not take part in equality.
    StructType s = new StructType().add("a", DataTypes.IntegerType);
    assertThat(Row.withSchema(s, 1)).isEqualTo(RowFactory.create(1));
  }

  @Test
  void typedGettersReadValuesAndRejectNullPrimitives() {
    Row r =
        RowFactory.create(
            true,
            (byte) 1,
            (short) 2,
            3,
            4L,
            5.5f,
            6.5,
            "s",
            new BigDecimal("7.25"),
            null,
            List.of(1, 2),
            Map.of("a", 1),
            RowFactory.create(9));
    assertThat(r.getBoolean(0)).isTrue();
    assertThat(r.getByte(1)).isEqualTo((byte) 1);
    assertThat(r.getShort(2)).isEqualTo((short) 2);
    assertThat(r.getInt(3)).isEqualTo(3);
    assertThat(r.getLong(4)).isEqualTo(4L);
    assertThat(r.getFloat(5)).isEqualTo(5.5f);
    assertThat(r.getDouble(6)).isEqualTo(6.5);
    assertThat(r.getString(7)).isEqualTo("s");
    assertThat(r.getDecimal(8)).isEqualByComparingTo("7.25");
    assertThat(r.isNullAt(9)).isTrue();
    assertThat(r.anyNull()).isTrue();
    assertThat(r.<Integer>getList(10)).containsExactly(1, 2);
    assertThat(r.<String, Integer>getJavaMap(11)).containsEntry("a", 1);
    assertThat(r.getStruct(12).getInt(0)).isEqualTo(9);
    assertThat(r.size()).isEqualTo(13);
    assertThat(r.length()).isEqualTo(13);
    assertThatThrownBy(() -> r.getInt(9))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Value at index 9 is null");
    assertThatThrownBy(() -> r.getInt(7)).isInstanceOf(ClassCastException.class);
    assertThat(r.<Object>getAs(9)).isNull();
  }

  @Test
  void fieldsByNameNeedASchema() {
    StructType s = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType);
    Row r = Row.withSchema(s, 1, "x");
    assertThat(r.schema()).isEqualTo(s);
    assertThat(r.fieldIndex("b")).isEqualTo(1);
    assertThat(r.<String>getAs("b")).isEqualTo("x");
    assertThatThrownBy(() -> r.fieldIndex("c"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("FIELD_NOT_FOUND");
              assertThat(e.getMessageParameters())
                  .containsEntry("fieldName", "`c`")
                  .containsEntry("fields", "`a`, `b`");
            });
    assertThatThrownBy(() -> RowFactory.create(1).getAs("a"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rowsAreImmutable() {
    Object[] values = {1, 2};
    Row r = RowFactory.create(values);
    values[0] = 99;
    assertThat(r.getInt(0)).isEqualTo(1);
    List<Object> list = r.toList();
    list.set(0, 5);
    assertThat(r.getInt(0)).isEqualTo(1);
    assertThat(r.mkString("-")).isEqualTo("1-2");
    assertThat(Arrays.asList(r.copy().toList().toArray())).containsExactly(1, 2);
  }
}
