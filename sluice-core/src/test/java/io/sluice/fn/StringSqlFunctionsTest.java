package io.sluice.fn;

import static io.sluice.functions.ascii;
import static io.sluice.functions.bit_length;
import static io.sluice.functions.btrim;
import static io.sluice.functions.call_function;
import static io.sluice.functions.char_length;
import static io.sluice.functions.col;
import static io.sluice.functions.concat;
import static io.sluice.functions.concat_ws;
import static io.sluice.functions.contains;
import static io.sluice.functions.crc32;
import static io.sluice.functions.endswith;
import static io.sluice.functions.format_number;
import static io.sluice.functions.format_string;
import static io.sluice.functions.hash;
import static io.sluice.functions.ilike;
import static io.sluice.functions.initcap;
import static io.sluice.functions.input_file_name;
import static io.sluice.functions.instr;
import static io.sluice.functions.left;
import static io.sluice.functions.len;
import static io.sluice.functions.length;
import static io.sluice.functions.like;
import static io.sluice.functions.lit;
import static io.sluice.functions.locate;
import static io.sluice.functions.lpad;
import static io.sluice.functions.ltrim;
import static io.sluice.functions.md5;
import static io.sluice.functions.monotonically_increasing_id;
import static io.sluice.functions.nullif;
import static io.sluice.functions.octet_length;
import static io.sluice.functions.position;
import static io.sluice.functions.printf;
import static io.sluice.functions.regexp;
import static io.sluice.functions.regexp_extract;
import static io.sluice.functions.regexp_extract_all;
import static io.sluice.functions.regexp_like;
import static io.sluice.functions.regexp_replace;
import static io.sluice.functions.repeat;
import static io.sluice.functions.replace;
import static io.sluice.functions.reverse;
import static io.sluice.functions.right;
import static io.sluice.functions.rlike;
import static io.sluice.functions.rtrim;
import static io.sluice.functions.sha1;
import static io.sluice.functions.sha2;
import static io.sluice.functions.spark_partition_id;
import static io.sluice.functions.split;
import static io.sluice.functions.startswith;
import static io.sluice.functions.substr;
import static io.sluice.functions.substring;
import static io.sluice.functions.substring_index;
import static io.sluice.functions.translate;
import static io.sluice.functions.trim;
import static io.sluice.functions.typeof;
import static io.sluice.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Column;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The string, hash and misc functions called from SQL give the same columns, types and rows as the
 * DataFrame API. {@link #FUNCTIONS} lists the registry names covered here (the SQL engine test
 * checks that every registered function is covered somewhere).
 */
public class StringSqlFunctionsTest {
  /** Registry names whose SQL form is compared with the DataFrame API here. */
  public static final List<String> FUNCTIONS =
      List.of(
          "initcap",
          "concat",
          "concat_ws",
          "length",
          "char_length",
          "character_length",
          "len",
          "octet_length",
          "bit_length",
          "substring",
          "substr",
          "left",
          "right",
          "trim",
          "ltrim",
          "rtrim",
          "btrim",
          "lpad",
          "rpad",
          "instr",
          "locate",
          "position",
          "replace",
          "reverse",
          "repeat",
          "ascii",
          "translate",
          "substring_index",
          "startswith",
          "endswith",
          "contains",
          "format_string",
          "printf",
          "format_number",
          "like",
          "ilike",
          "rlike",
          "regexp",
          "regexp_like",
          "split",
          "regexp_extract",
          "regexp_extract_all",
          "regexp_replace",
          "hash",
          "xxhash64",
          "md5",
          "sha1",
          "sha",
          "sha2",
          "crc32",
          "uuid",
          "monotonically_increasing_id",
          "spark_partition_id",
          "input_file_name",
          "nullif",
          "typeof");

  private static Session spark;
  private static DataFrame t;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").create();
    t =
        spark.createDataFrame(
            Arrays.asList(
                RowFactory.create(" Spark SQL ", 3, 1234.5678),
                RowFactory.create("a-b-c", 1, null),
                RowFactory.create(null, null, 2.5)),
            StructType.fromDDL("k STRING, v INT, d DOUBLE"));
    t.createOrReplaceTempView("st");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void same(String selectList, Column... api) {
    String sql = "SELECT " + selectList + " FROM st";
    DataFrame s = spark.sql(sql);
    DataFrame d = t.select(api);
    assertThat(s.columns()).as(sql).containsExactly(d.columns());
    assertThat(s.schema()).as(sql).isEqualTo(d.schema());
    assertThat(sorted(s)).as(sql).isEqualTo(sorted(d));
  }

  private static List<String> sorted(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(r.toString());
    Collections.sort(out);
    return out;
  }

  @Test
  void wholeStringFunctions() {
    Column k = col("k");
    same(
        "initcap(k), concat(k, v), concat_ws('-', k, v), length(k), char_length(k),"
            + " character_length(k), len(k), octet_length(k), bit_length(k), reverse(k),"
            + " repeat(k, 2), ascii(k), translate(k, 'ab', 'x')",
        initcap(k),
        concat(k, col("v")),
        concat_ws("-", k, col("v")),
        length(k),
        char_length(k),
        call_function("character_length", k),
        len(k),
        octet_length(k),
        bit_length(k),
        reverse(k),
        repeat(k, 2),
        ascii(k),
        translate(k, "ab", "x"));
  }

  @Test
  void substringsPadsAndTrims() {
    Column k = col("k");
    same(
        "substring(k, 2, 3), substr(k, 2), left(k, 2), right(k, 2), trim(k), ltrim(k),"
            + " rtrim(k), btrim(k, ' S'), trim(' L', k), lpad(k, 14, '*'), rpad(k, 3),"
            + " substring_index(k, '-', 2)",
        substring(k, 2, 3),
        substr(k, lit(2)),
        left(k, lit(2)),
        right(k, lit(2)),
        trim(k),
        ltrim(k),
        rtrim(k),
        btrim(k, lit(" S")),
        trim(k, " L"),
        lpad(k, 14, "*"),
        call_function("rpad", k, lit(3)),
        substring_index(k, "-", 2));
  }

  @Test
  void searchesAndPredicates() {
    Column k = col("k");
    same(
        "instr(k, 'a'), locate('a', k), locate('a', k, 3), position('S', k),"
            + " replace(k, '-'), replace(k, '-', '+'), startswith(k, ' S'), endswith(k, 'c'),"
            + " contains(k, 'SQL')",
        instr(k, "a"),
        locate("a", k),
        locate("a", k, 3),
        position(lit("S"), k),
        replace(k, lit("-")),
        replace(k, lit("-"), lit("+")),
        startswith(k, lit(" S")),
        endswith(k, lit("c")),
        contains(k, lit("SQL")));
  }

  @Test
  void patternFunctions() {
    Column k = col("k");
    // LIKE and RLIKE are operators in SQL (the grammar has no ILIKE operator yet)
    same(
        "k LIKE '%S%', ilike(k, '%s%'), k RLIKE 'b-', regexp(k, '^a'),"
            + " regexp_like(k, 'L $'), split(k, '-'), split(k, '-', 2),"
            + " regexp_extract(k, '([a-z])-', 1), regexp_extract_all(k, '([a-z])', 1),"
            + " regexp_replace(k, '[aeiou]', '_')",
        like(k, lit("%S%")),
        ilike(k, lit("%s%")),
        rlike(k, lit("b-")),
        regexp(k, lit("^a")),
        regexp_like(k, lit("L $")),
        split(k, "-"),
        split(k, "-", 2),
        regexp_extract(k, "([a-z])-", 1),
        regexp_extract_all(k, lit("([a-z])"), lit(1)),
        regexp_replace(k, "[aeiou]", "_"));
  }

  @Test
  void formatting() {
    same(
        "format_string('%s=%d', k, v), printf('%.1f', d), format_number(d, 2)",
        format_string("%s=%d", col("k"), col("v")),
        printf(lit("%.1f"), col("d")),
        format_number(col("d"), 2));
  }

  @Test
  void hashesAndMisc() {
    Column k = col("k");
    same(
        "hash(k, v), xxhash64(k, d), md5(k), sha1(k), sha(k), sha2(k, 384), crc32(k),"
            + " nullif(v, 1), typeof(d), input_file_name()",
        hash(k, col("v")),
        xxhash64(k, col("d")),
        md5(k),
        sha1(k),
        call_function("sha", k),
        sha2(k, 384),
        crc32(k),
        nullif(col("v"), lit(1)),
        typeof(col("d")),
        input_file_name());
    same(
        "monotonically_increasing_id(), spark_partition_id()",
        monotonically_increasing_id(),
        spark_partition_id());
    DataFrame u = spark.sql("SELECT uuid() FROM st");
    assertThat(u.columns()).containsExactly("uuid()");
    assertThat(u.collectAsList()).hasSize(3);
  }
}
