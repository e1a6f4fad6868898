package io.sluice;

import static io.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Repartition;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.Union;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DataFrame methods whose result is decided at definition time: schemas, plans, errors. */
class DataFrameSchemaTest {
  private static Session session;
  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("name", DataTypes.StringType)
          .add("tags", DataTypes.createArrayType(DataTypes.StringType))
          .add("price", DataTypes.createDecimalType(10, 2));

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static DataFrame people() {
    return session.createDataFrame(
        List.of(
            RowFactory.create(1, "a", List.of("x"), null),
            RowFactory.create(2, "b", null, new java.math.BigDecimal("1.50"))),
        SCHEMA);
  }

  static String captureOut(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void schemaColumnsAndDtypes() {
    DataFrame df = people();
    assertThat(df.schema()).isEqualTo(SCHEMA);
    assertThat(df.columns()).containsExactly("id", "name", "tags", "price");
    assertThat(df.dtypes())
        .extracting(Tuple2::toString)
        .containsExactly(
            "(id,IntegerType)",
            "(name,StringType)",
            "(tags,ArrayType(StringType,true))",
            "(price,DecimalType(10,2))");
    assertThat(df.toString()).isEqualTo("[id: int, name: string ... 2 more fields]");
    assertThat(df.isStreaming()).isFalse();
    assertThat(df.queryExecution().analyzed()).isInstanceOf(LocalRelation.class);
  }

  @Test
  void printSchemaPrintsTheTreeAndABlankLine() {
    String out = captureOut(() -> people().printSchema());
    assertThat(out)
        .isEqualTo(
            "root\n"
                + " |-- id: integer (nullable = false)\n"
                + " |-- name: string (nullable = true)\n"
                + " |-- tags: array (nullable = true)\n"
                + " |    |-- element: string (containsNull = true)\n"
                + " |-- price: decimal(10,2) (nullable = true)\n"
                + "\n");
  }

  @Test
  void colBindsToTheAnalyzedAttribute() {
    DataFrame df = people();
    Column id = df.col("id");
    assertThat(id.expr()).isEqualTo(df.queryExecution().analyzed().output().get(0));
    assertThat(df.col("ID").expr()).isEqualTo(id.expr());
    assertThat(df.apply("name").expr()).isInstanceOf(AttributeReference.class);
    DataFrame aliased = df.alias("p");
    assertThat(aliased.queryExecution().analyzed()).isInstanceOf(SubqueryAlias.class);
    AttributeReference qualified = (AttributeReference) aliased.col("p.name").expr();
    assertThat(qualified.qualifier()).containsExactly("p");
    assertThat(qualified.exprId()).isEqualTo(((AttributeReference) df.col("name").expr()).exprId());
  }

  @Test
  void renamingAndDroppingKeepColumnIdentities() {
    DataFrame df = people();
    DataFrame renamed = df.withColumnRenamed("name", "label");
    assertThat(renamed.columns()).containsExactly("id", "label", "tags", "price");
    Project p = (Project) renamed.queryExecution().analyzed();
    assertThat(((Alias) p.projectList().get(1)).child()).isEqualTo(df.col("name").expr());
    assertThat(df.withColumnRenamed("nope", "x")).isSameAs(df);

    assertThat(df.drop("name", "PRICE", "missing").columns()).containsExactly("id", "tags");
    assertThat(df.drop("missing")).isSameAs(df);
    assertThat(df.drop(df.col("tags")).columns()).containsExactly("id", "name", "price");
    assertThat(df.drop(col("id")).columns()).containsExactly("name", "tags", "price");
    assertThat(df.drop(col("zzz"))).isSameAs(df);
  }

  @Test
  void withColumnsRejectsDuplicateNames() {
    java.util.Map<String, Column> m = new java.util.LinkedHashMap<>();
    m.put("x", functions.lit(1));
    m.put("X", functions.lit(2));
    assertThatThrownBy(() -> people().withColumns(m))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("COLUMN_ALREADY_EXISTS");
              assertThat(e.getMessageParameters()).containsEntry("columnName", "`X`");
            });
  }

  @Test
  void dropDuplicatesResolvesNamesOrNamesTheMissingOne() {
    DataFrame df = people();
    Deduplicate d = (Deduplicate) df.dropDuplicates("name").queryExecution().analyzed();
    assertThat(d.keys()).containsExactly((AttributeReference) df.col("name").expr());
    assertThat(((Deduplicate) df.distinct().queryExecution().analyzed()).keys()).hasSize(4);
    assertThatThrownBy(() -> df.dropDuplicates("nope"))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES");
              assertThat(e.getMessageParameters())
                  .containsEntry("colName", "nope")
                  .containsEntry("fieldNames", "id, name, tags, price");
            });
  }

  @Test
  void limitUnionRepartitionShapes() {
    DataFrame df = people();
    assertThat(((Limit) df.limit(3).queryExecution().analyzed()).limit()).isEqualTo(3);
    assertThatThrownBy(() -> df.limit(-1))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE");
              assertThat(e.getMessageParameters()).containsEntry("v", "-1");
            });
    Union u = (Union) df.union(df).union(df).queryExecution().analyzed();
    assertThat(u.children()).hasSize(3);
    Repartition r = (Repartition) df.coalesce(1).queryExecution().analyzed();
    assertThat(r.shuffle()).isFalse();
    assertThatThrownBy(() -> df.repartition(0))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_PARTITION_NUMBER");
              assertThat(e.getMessageParameters()).containsEntry("numPartitions", "0");
            });
  }

  @Test
  void unknownJoinTypeListsTheSupportedOnes() {
    DataFrame df = people();
    assertThatThrownBy(() -> df.join(df, "id", "sideways"))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_JOIN_TYPE");
              assertThat(e.getMessageParameters())
                  .containsEntry("typ", "sideways")
                  .containsEntry("supported", io.sluice.plan.logical.JoinType.SUPPORTED);
              assertThat(e.getMessage())
                  .startsWith(
                      "[UNSUPPORTED_JOIN_TYPE] Unsupported join type 'sideways'. Supported join types"
                          + " include: 'inner', 'outer',");
            });
  }

  @Test
  void tempViewsAreRegisteredInTheCatalog() {
    DataFrame df = people();
    df.createOrReplaceTempView("People");
    assertThat(session.catalog().tableExists("people")).isTrue();
    df.createOrReplaceTempView("people");
    assertThatThrownBy(() -> df.createTempView("people"))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS"));
    assertThat(session.catalog().dropTempView("PEOPLE")).isTrue();
    assertThat(session.catalog().dropTempView("people")).isFalse();
    assertThat(session.catalog().tableExists("people")).isFalse();
    assertThat(session.catalog().currentDatabase()).isEqualTo("default");
    assertThatThrownBy(() -> session.catalog().listTables("nodb"))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("SCHEMA_NOT_FOUND"));
    assertThat(session.catalog().listTables().schema()).isEqualTo(Catalog.TABLE_SCHEMA);
  }

  @Test
  void createDataFrameChecksValueTypesNamingTheField() {
    assertThatThrownBy(
            () ->
                session.createDataFrame(
                    List.of(RowFactory.create(1, "a", List.of("x"), 1.5)), SCHEMA))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_EXTERNAL_TYPE");
              assertThat(e.getMessageParameters())
                  .containsEntry("expr", "`price`")
                  .containsEntry("externalType", "java.lang.Double")
                  .containsEntry("type", "\"DECIMAL(10,2)\"");
            });
    assertThatThrownBy(
            () ->
                session.createDataFrame(
                    List.of(RowFactory.create(1, "a", List.of(1), null)), SCHEMA))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("expr", "`tags`.element"));
  }

  @Test
  void queryExecutionStagesAreComputedOnce() {
    QueryExecution qe = people().select("id").queryExecution();
    assertThat(qe.logical()).isInstanceOf(Project.class);
    assertThat(qe.optimizedPlan()).isSameAs(qe.optimizedPlan());
    assertThat(qe.executedPlan()).isSameAs(qe.executedPlan());
    assertThat(qe.toString()).startsWith("== Parsed Logical Plan ==\n");
  }
}
