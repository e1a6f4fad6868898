package io.sluice.fn;

import static io.sluice.functions.col;
import static io.sluice.functions.crc32;
import static io.sluice.functions.hash;
import static io.sluice.functions.input_file_name;
import static io.sluice.functions.lit;
import static io.sluice.functions.md5;
import static io.sluice.functions.monotonically_increasing_id;
import static io.sluice.functions.nullif;
import static io.sluice.functions.sha1;
import static io.sluice.functions.sha2;
import static io.sluice.functions.spark_partition_id;
import static io.sluice.functions.typeof;
import static io.sluice.functions.uuid;
import static io.sluice.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.functions;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hash and misc functions through the whole engine, against Spark's documented values. */
class HashFunctionsTest {
  private static Session session;
  private static DataFrame spark;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    spark =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("Spark", List.of(123), 2, 1L, null),
                RowFactory.create(null, null, null, null, null)),
            StructType.fromDDL("s STRING, arr ARRAY<INT>, n INT, l BIGINT, x STRING"));
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static Object first(DataFrame df) {
    return df.collectAsList().get(0).get(0);
  }

  @Test
  void hashAndXxhash64GiveSparksValues() {
    DataFrame df =
        spark.select(
            hash(col("s"), col("arr"), col("n")), xxhash64(col("s"), col("arr"), col("n")));
    assertThat(df.columns()).containsExactly("hash(s, arr, n)", "xxhash64(s, arr, n)");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(df.schema().fields()[0].nullable()).isFalse();
    assertThat(df.schema().fields()[1].dataType()).isEqualTo(DataTypes.LongType);
    List<Row> rows = df.collectAsList();
    // SELECT hash('Spark', array(123), 2) and xxhash64(...) in Spark's documentation
    assertThat(rows.get(0)).isEqualTo(RowFactory.create(-1321691492, 5602566077635097486L));
    // nulls leave the seed unchanged: hash(NULL, ...) is the seed 42
    assertThat(rows.get(1)).isEqualTo(RowFactory.create(42, 42L));
  }

  @Test
  void hashOfAnIntAndOfNullsSkipped() {
    assertThat(first(spark.select(hash(lit(1))))).isEqualTo(-559580957);
    int withNull = (Integer) first(spark.select(hash(col("n"), col("x"))));
    assertThat(withNull).isEqualTo((Integer) first(spark.select(hash(col("n")))));
  }

  @Test
  void equalValuesOfEveryTypeHashEqually() {
    DataFrame df =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create(true, 1.5, new BigDecimal("12.34"), "x", Map.of("k", 1)),
                RowFactory.create(true, 1.5, new BigDecimal("12.34"), "x", Map.of("k", 1))),
            StructType.fromDDL(
                "b BOOLEAN, d DOUBLE, dec DECIMAL(10,2), s STRING, m MAP<STRING,INT>"));
    List<Row> rows =
        df.select(
                hash(col("b"), col("d"), col("dec"), col("s")),
                xxhash64(col("b"), col("d"), col("dec"), col("s")))
            .collectAsList();
    assertThat(rows.get(0)).isEqualTo(rows.get(1));
    // -0.0 and 0.0 hash alike, as in Spark
    assertThat(first(spark.select(hash(lit(-0.0))))).isEqualTo(first(spark.select(hash(lit(0.0)))));
  }

  @Test
  void hashRejectsMaps() {
    DataFrame df =
        session.createDataFrame(
            List.of(RowFactory.create(Map.of("k", 1))), StructType.fromDDL("m MAP<STRING,INT>"));
    assertThatThrownBy(() -> df.select(hash(col("m"))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.HASH_MAP_TYPE");
              assertThat(e.getMessageParameters())
                  .containsEntry("functionName", "`hash`")
                  .containsEntry("sqlExpr", "\"hash(m)\"");
            });
  }

  @Test
  void digestsGiveSparksValuesAndNullForNull() throws Exception {
    DataFrame df =
        spark.select(
            md5(col("s")),
            sha1(col("s")),
            sha2(col("s"), 256),
            crc32(col("s")),
            functions.call_function("sha", col("s")));
    assertThat(df.columns())
        .containsExactly("md5(s)", "sha1(s)", "sha2(s, 256)", "crc32(s)", "sha(s)");
    List<Row> rows = df.collectAsList();
    assertThat(rows.get(0))
        .isEqualTo(
            RowFactory.create(
                "8cde774d6f7333752ed72cacddb05126",
                "85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c",
                "529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b",
                1557323817L,
                "85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c"));
    assertThat(rows.get(1)).isEqualTo(RowFactory.create(null, null, null, null, null));
    assertThat(df.schema().fields()[3].dataType()).isEqualTo(DataTypes.LongType);
  }

  @Test
  void sha2SupportsTheFourSizesZeroMeans256AndOtherSizesGiveNull() throws Exception {
    Row r =
        spark
            .select(
                sha2(col("s"), 224),
                sha2(col("s"), 384),
                sha2(col("s"), 512),
                sha2(col("s"), 0),
                sha2(col("s"), 100))
            .collectAsList()
            .get(0);
    byte[] in = "Spark".getBytes(StandardCharsets.UTF_8);
    assertThat(r.get(0)).isEqualTo(hex("SHA-224", in));
    assertThat(r.get(1)).isEqualTo(hex("SHA-384", in));
    assertThat(r.get(2)).isEqualTo(hex("SHA-512", in));
    assertThat(r.get(3)).isEqualTo(hex("SHA-256", in));
    assertThat(r.get(4)).isNull();
  }

  private static String hex(String algorithm, byte[] in) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(in));
  }

  @Test
  void monotonicallyIncreasingIdPutsThePartitionInTheUpperBits() {
    DataFrame df =
        session
            .range(0, 6, 1, 2)
            .select(col("id"), monotonically_increasing_id(), spark_partition_id());
    assertThat(df.columns())
        .containsExactly("id", "monotonically_increasing_id()", "SPARK_PARTITION_ID()");
    assertThat(df.schema().fields()[1].nullable()).isFalse();
    assertThat(df.collectAsList())
        .containsExactlyInAnyOrder(
            RowFactory.create(0L, 0L, 0),
            RowFactory.create(1L, 1L, 0),
            RowFactory.create(2L, 2L, 0),
            RowFactory.create(3L, 1L << 33, 1),
            RowFactory.create(4L, (1L << 33) + 1, 1),
            RowFactory.create(5L, (1L << 33) + 2, 1));
  }

  @Test
  void uuidIsARandomVersion4UuidPerRow() {
    DataFrame df = session.range(0, 100, 1, 2).select(uuid());
    assertThat(df.columns()).containsExactly("uuid()");
    Set<Object> seen = new HashSet<>();
    for (Row r : df.collectAsList()) {
      String u = (String) r.get(0);
      assertThat(u).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      seen.add(u);
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void hashesAndDigestsOfTheEmptyString() {
    DataFrame df =
        spark
            .limit(1)
            .select(
                md5(lit("")),
                sha1(lit("")),
                sha2(lit(""), 256),
                crc32(lit("")),
                hash(lit("")),
                xxhash64(lit("")),
                md5(lit(null).cast("string")));
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create(
                "d41d8cd98f00b204e9800998ecf8427e",
                "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                0L,
                142593372,
                df.collectAsList().get(0).get(5),
                null));
    // XXH64 of no bytes with Spark's seed 42
    assertThat(df.collectAsList().get(0).getLong(5))
        .isEqualTo(io.sluice.exec.expr.fn.XxHash64.hashBytes(new byte[0], 0, 0, 42L));
  }

  @Test
  void inputFileNameIsEmptyWithoutAFileScan() {
    DataFrame df = spark.select(input_file_name());
    assertThat(df.columns()).containsExactly("input_file_name()");
    assertThat(df.collectAsList()).containsExactly(RowFactory.create(""), RowFactory.create(""));
  }

  @Test
  void nullifAndTypeof() {
    DataFrame df =
        spark.select(
            nullif(col("n"), lit(2)),
            nullif(col("n"), lit(3)),
            typeof(col("arr")),
            typeof(col("l")),
            typeof(lit(new BigDecimal("1.50"))));
    assertThat(df.columns())
        .containsExactly(
            "nullif(n, 2)", "nullif(n, 3)", "typeof(arr)", "typeof(l)", "typeof(1.50)");
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create(null, 2, "array<int>", "bigint", "decimal(3,2)"),
            RowFactory.create(null, null, "array<int>", "bigint", "decimal(3,2)"));
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(df.schema().fields()[2].nullable()).isFalse();
  }
}
