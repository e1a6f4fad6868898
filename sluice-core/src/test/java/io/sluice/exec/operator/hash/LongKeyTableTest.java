package io.sluice.exec.operator.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The fixed-width key table assigns ids in order of first appearance and finds them again, whether
 * keys are served by direct addressing, by hashing, or move from one to the other.
 */
class LongKeyTableTest {

  /** How the keys of one batch are drawn. */
  private enum Shape {
    DENSE,
    SEQUENTIAL,
    SPARSE,
    EXTREME,
    STRIDED,
    DESCENDING
  }

  @Property(tries = 200)
  void idsFollowFirstAppearance(@ForAll long seed) {
    Random rnd = new Random(seed);
    KeyTable table = KeyTable.create(List.of(DataTypes.LongType));
    Map<Long, Integer> reference = new HashMap<>();
    Integer[] nullId = {null};
    List<Long> order = new ArrayList<>();
    long cursor = rnd.nextLong() >> rnd.nextInt(64);
    int batches = 1 + rnd.nextInt(12);
    for (int b = 0; b < batches; b++) {
      Shape shape = Shape.values()[rnd.nextInt(Shape.values().length)];
      int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 3000);
      long[] keys = new long[n];
      boolean[] nulls = rnd.nextInt(3) == 0 ? new boolean[n] : null;
      for (int i = 0; i < n; i++) {
        keys[i] =
            switch (shape) {
              case DENSE -> cursor + rnd.nextInt(500);
              case SEQUENTIAL -> cursor + i;
              case SPARSE -> rnd.nextLong();
              case EXTREME ->
                  rnd.nextBoolean()
                      ? Long.MAX_VALUE - rnd.nextInt(3)
                      : Long.MIN_VALUE + rnd.nextInt(3);
              case STRIDED -> cursor + (long) i * 1024;
              case DESCENDING -> cursor - i;
            };
        if (nulls != null) nulls[i] = rnd.nextInt(5) == 0;
      }
      if (shape == Shape.SEQUENTIAL) cursor += n;
      if (shape == Shape.DESCENDING) cursor -= n;
      int[] ids = new int[n];
      table.findOrInsert(
          new ColumnVector[] {new LongVector(DataTypes.LongType, keys, nulls, n)}, n, ids);
      for (int i = 0; i < n; i++) {
        int expected;
        if (nulls != null && nulls[i]) {
          if (nullId[0] == null) {
            nullId[0] = order.size();
            order.add(null);
          }
          expected = nullId[0];
        } else {
          expected =
              reference.computeIfAbsent(
                  keys[i],
                  k -> {
                    order.add(k);
                    return order.size() - 1;
                  });
        }
        assertThat(ids[i]).as("row %d of batch %d (%s)", i, b, shape).isEqualTo(expected);
      }
    }
    assertThat(table.size()).isEqualTo(order.size());
    // every key is found again, absent keys are not, and the key columns list them in order
    int n = order.size();
    long[] probe = new long[n + 1];
    boolean[] probeNulls = new boolean[n + 1];
    for (int i = 0; i < n; i++) {
      if (order.get(i) == null) {
        probeNulls[i] = true;
      } else {
        probe[i] = order.get(i);
      }
    }
    long absent = rnd.nextLong();
    while (reference.containsKey(absent)) absent = rnd.nextLong();
    probe[n] = absent;
    int[] found = new int[n + 1];
    table.find(
        new ColumnVector[] {new LongVector(DataTypes.LongType, probe, probeNulls, n + 1)},
        n + 1,
        null,
        found);
    for (int i = 0; i < n; i++) assertThat(found[i]).isEqualTo(i);
    assertThat(found[n]).isEqualTo(-1);
    ColumnVector keyColumn = table.keyColumns(0, n)[0];
    for (int i = 0; i < n; i++) assertThat(keyColumn.getObject(i)).isEqualTo(order.get(i));
  }

  @Test
  void denseKeysStayDirectAndSparseOnesMoveToHashing() {
    LongKeyTable table = (LongKeyTable) KeyTable.create(List.of(DataTypes.IntegerType));
    int[] ids = new int[3];
    table.findOrInsert(new ColumnVector[] {ints(5, 7, 5)}, 3, ids);
    assertThat(ids).containsExactly(0, 1, 0);
    assertThat(table.isDirect()).isTrue();
    table.findOrInsert(new ColumnVector[] {ints(7, Integer.MAX_VALUE, -3)}, 3, ids);
    assertThat(ids).containsExactly(1, 2, 3);
    assertThat(table.isDirect()).isFalse();
    table.findOrInsert(new ColumnVector[] {ints(-3, 5, 6)}, 3, ids);
    assertThat(ids).containsExactly(3, 0, 4);
  }

  @Test
  void findSkipsFlaggedRows() {
    KeyTable table = KeyTable.create(List.of(DataTypes.LongType));
    long[] keys = {10, 11, 12};
    table.findOrInsert(
        new ColumnVector[] {new LongVector(DataTypes.LongType, keys, null, 3)}, 3, new int[3]);
    int[] ids = new int[3];
    table.find(
        new ColumnVector[] {new LongVector(DataTypes.LongType, keys, null, 3)},
        3,
        new boolean[] {false, true, false},
        ids);
    assertThat(ids).containsExactly(0, -1, 2);
  }

  private static IntVector ints(int... values) {
    return new IntVector(DataTypes.IntegerType, values, null, values.length);
  }
}
