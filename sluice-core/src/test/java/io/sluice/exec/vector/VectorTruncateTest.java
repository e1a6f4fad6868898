package io.sluice.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import org.junit.jupiter.api.Test;

class VectorTruncateTest {

  @Test
  void fixedWidthTruncateClearsNullFlags() {
    LongVector v = new LongVector(DataTypes.LongType, 4);
    v.append(1L);
    v.appendNull();
    v.append(3L);
    v.truncate(1);
    v.append(7L);
    assertThat(v.size()).isEqualTo(2);
    assertThat(v.getObject(1)).isEqualTo(7L);
    assertThat(v.isNullAt(1)).isFalse();
  }

  @Test
  void bytesTruncateDropsTheData() {
    BytesVector v = new BytesVector(DataTypes.StringType, 4);
    v.appendString("ab");
    v.appendString("cd");
    v.truncate(1);
    v.appendString("x");
    assertThat(v.getObject(0)).isEqualTo("ab");
    assertThat(v.getObject(1)).isEqualTo("x");
  }

  @Test
  void nestedVectorsDropUncommittedChildValues() {
    StructType t = StructType.fromDDL("s STRUCT<a: INT, b: ARRAY<STRING>>, m MAP<STRING, INT>");
    StructVector s = (StructVector) ColumnVector.allocate(t.get(0).dataType(), 2);
    s.append(new Object[] {1, new Object[] {"x"}});
    // a row being written: child values appended, the struct row not yet recorded
    ((IntVector) s.child(0)).append(2);
    ArrayVector arr = (ArrayVector) s.child(1);
    ((BytesVector) arr.elements()).appendString("dangling");
    s.truncate(1);
    assertThat(s.child(0).size()).isEqualTo(1);
    assertThat(arr.elements().size()).isEqualTo(1);
    s.append(new Object[] {3, new Object[] {"y", "z"}});
    assertThat(s.getObject(1)).isEqualTo(new Object[] {3, new Object[] {"y", "z"}});

    MapVector m = (MapVector) ColumnVector.allocate(t.get(1).dataType(), 2);
    m.append(new MapValue(new Object[] {"k"}, new Object[] {1}));
    ((BytesVector) m.keys()).appendString("half");
    m.truncate(1);
    assertThat(m.keys().size()).isEqualTo(1);
    assertThat(m.values().size()).isEqualTo(1);

    NullVector n = new NullVector(DataTypes.NullType);
    n.appendNull();
    n.appendNull();
    n.truncate(1);
    assertThat(n.size()).isEqualTo(1);
    assertThat(n.isNullAt(0)).isTrue();
  }
}
