package io.sluice.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.ParseException;
import org.junit.jupiter.api.Test;

class StructTypeTest {

  @Test
  void parsesDdlWithNestedTypes() {
    StructType s = StructType.fromDDL("a INT, b STRING, c ARRAY<STRUCT<x: DOUBLE>>");
    assertThat(s.fieldNames()).containsExactly("a", "b", "c");
    assertThat(s.get(0).dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(s.get(2).dataType())
        .isEqualTo(new ArrayType(new StructType().add("x", DataTypes.DoubleType), true));
    assertThat(s.simpleString()).isEqualTo("struct<a:int,b:string,c:array<struct<x:double>>>");
  }

  @Test
  void parsesEveryAtomicTypeName() {
    StructType s =
        StructType.fromDDL(
            "a boolean, b tinyint, c smallint, d bigint, e float, f double, g decimal(10,2),"
                + " h binary, i date, j timestamp, k interval day to second,"
                + " l interval year to month, m map<string,int>, n decimal, o void,"
                + " `weird name` string NOT NULL COMMENT 'hi'");
    assertThat(s.simpleString())
        .isEqualTo(
            "struct<a:boolean,b:tinyint,c:smallint,d:bigint,e:float,f:double,g:decimal(10,2),"
                + "h:binary,i:date,j:timestamp,k:interval day to second,"
                + "l:interval year to month,m:map<string,int>,n:decimal(10,0),o:void,"
                + "weird name:string>");
    assertThat(s.get(15).nullable()).isFalse();
    assertThat(s.get(15).comment()).isEqualTo("hi");
    assertThat(s.toDDL())
        .startsWith("a BOOLEAN,b TINYINT")
        .endsWith("`weird name` STRING NOT NULL COMMENT 'hi'");
  }

  @Test
  void roundTripsThroughToDdl() {
    StructType s = StructType.fromDDL("a INT, b STRUCT<x: DOUBLE, y: ARRAY<STRING>>");
    assertThat(StructType.fromDDL(s.toDDL())).isEqualTo(s);
  }

  @Test
  void treeStringMatchesSparkPrintSchema() {
    StructType s =
        new StructType()
            .add("a", DataTypes.IntegerType)
            .add("b", new StructType().add("x", DataTypes.DoubleType, false))
            .add("c", DataTypes.createArrayType(new StructType().add("y", DataTypes.LongType)))
            .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType));
    assertThat(s.treeString())
        .isEqualTo(
            "root\n"
                + " |-- a: integer (nullable = true)\n"
                + " |-- b: struct (nullable = true)\n"
                + " |    |-- x: double (nullable = false)\n"
                + " |-- c: array (nullable = true)\n"
                + " |    |-- element: struct (containsNull = true)\n"
                + " |    |    |-- y: long (nullable = true)\n"
                + " |-- m: map (nullable = true)\n"
                + " |    |-- key: string\n"
                + " |    |-- value: integer (valueContainsNull = true)\n");
  }

  @Test
  void unknownTypeNamesTheType() {
    assertThatThrownBy(() -> StructType.fromDDL("a INTEGR"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("INTEGR")
        .satisfies(
            e -> assertThat(((ParseException) e).getErrorClass()).isEqualTo("PARSE_SYNTAX_ERROR"));
  }

  @Test
  void decimalTypeRules() {
    assertThat(DecimalType.adjustPrecisionScale(40, 20)).isEqualTo(new DecimalType(38, 18));
    assertThat(DecimalType.adjustPrecisionScale(50, 4)).isEqualTo(new DecimalType(38, 4));
    assertThatThrownBy(() -> new DecimalType(39, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
