package io.sluice.exec.operator.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Structs of long fields (window columns) hash without row objects to exactly the value the generic
 * path gives their objects: exchange partitions, and so state, do not move.
 */
class KeyHasherStructProperties {

  @Property(tries = 100)
  void longStructsHashAsTheirObjects(
      @ForAll List<Long> starts, @ForAll List<Long> ends, @ForAll long nullMask) {
    int n = Math.min(starts.size(), ends.size());
    StructType type =
        new StructType(
            new StructField[] {
              new StructField("start", DataTypes.TimestampType, true),
              new StructField("end", DataTypes.TimestampType, true)
            });
    StructVector v = (StructVector) ColumnVector.allocate(type, Math.max(n, 1));
    for (int i = 0; i < n; i++) {
      int bits = (int) (nullMask >>> (i % 21 * 3)) & 7;
      if (bits == 7) {
        v.appendNull();
        continue;
      }
      ColumnVector[] f = v.children();
      if ((bits & 1) != 0) f[0].appendNull();
      else ((LongVector) f[0]).append(starts.get(i));
      if ((bits & 2) != 0) f[1].appendNull();
      else ((LongVector) f[1]).append(ends.get(i));
      v.appendRowOfChildren(false);
    }
    List<DataType> types = List.of(type, DataTypes.LongType);
    LongVector other = (LongVector) ColumnVector.allocate(DataTypes.LongType, Math.max(n, 1));
    for (int i = 0; i < n; i++) other.append((long) i * 31);
    int[] hashes = new int[n];
    new KeyHasher(types).hash(new ColumnVector[] {v, other}, n, hashes);
    for (int i = 0; i < n; i++) {
      int h0 = v.isNullAt(i) ? 0x2545F491 : GenericKeys.hash(v.getObject(i));
      int h1 = (int) Hashing.mix64(other.get(i) ^ 42);
      assertThat(hashes[i]).isEqualTo(Hashing.mix32(h0 * 0x9E3779B1 + h1));
    }
  }
}
