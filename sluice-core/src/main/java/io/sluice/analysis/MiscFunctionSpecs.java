package io.sluice.analysis;

import static io.sluice.analysis.StringFunctionSpecs.BINARY;
import static io.sluice.analysis.StringFunctionSpecs.INT;
import static io.sluice.analysis.StringFunctionSpecs.anyNullable;
import static io.sluice.analysis.StringFunctionSpecs.call;
import static io.sluice.analysis.StringFunctionSpecs.named;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;

/**
 * Registry entries of the hash functions ({@code hash}, {@code xxhash64}, {@code md5}, {@code
 * sha1}, {@code sha2}, {@code crc32}) and of the miscellaneous ones ({@code uuid}, {@code
 * monotonically_increasing_id}, {@code spark_partition_id}, {@code input_file_name}, {@code
 * input_file_block_start}, {@code input_file_block_length}, {@code nullif}, {@code typeof}).
 */
final class MiscFunctionSpecs {
  private MiscFunctionSpecs() {}

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar(
            "hash", Arity.atLeast(1), c -> rowHash(c, "hash", DataTypes.IntegerType)),
        FunctionSpec.scalar(
            "xxhash64", Arity.atLeast(1), c -> rowHash(c, "xxhash64", DataTypes.LongType)),
        digest("md5", "md5"),
        digest("sha1", "sha1"),
        digest("sha", "sha1"),
        FunctionSpec.scalar(
            "sha2",
            Arity.exactly(2),
            List.of(BINARY, INT),
            c -> call("sha2", c.arguments(), DataTypes.StringType, true)),
        FunctionSpec.scalar(
            "crc32",
            Arity.exactly(1),
            List.of(BINARY),
            c -> call("crc32", c.arguments(), DataTypes.LongType, anyNullable(c))),
        FunctionSpec.scalar(
            "uuid", Arity.exactly(0), c -> nondeterministic("uuid", "uuid", DataTypes.StringType)),
        FunctionSpec.scalar(
            "monotonically_increasing_id",
            Arity.exactly(0),
            c ->
                nondeterministic(
                    "monotonically_increasing_id",
                    "monotonically_increasing_id",
                    DataTypes.LongType)),
        FunctionSpec.scalar(
            "spark_partition_id",
            Arity.exactly(0),
            c ->
                nondeterministic(
                    "spark_partition_id", "SPARK_PARTITION_ID", DataTypes.IntegerType)),
        FunctionSpec.scalar(
            "input_file_name",
            Arity.exactly(0),
            c -> nondeterministic("input_file_name", "input_file_name", DataTypes.StringType)),
        FunctionSpec.scalar(
            "input_file_block_start",
            Arity.exactly(0),
            c ->
                nondeterministic(
                    "input_file_block_start", "input_file_block_start", DataTypes.LongType)),
        FunctionSpec.scalar(
            "input_file_block_length",
            Arity.exactly(0),
            c ->
                nondeterministic(
                    "input_file_block_length", "input_file_block_length", DataTypes.LongType)),
        FunctionSpec.scalar("nullif", Arity.exactly(2), MiscFunctionSpecs::nullIf),
        FunctionSpec.scalar(
            "typeof",
            Arity.exactly(1),
            c ->
                new RuntimeReplaceable(
                    "typeof",
                    c.arguments(),
                    false,
                    Literal.of(c.arg(0).dataType().catalogString()))));
  }

  private static FunctionSpec digest(String name, String kernel) {
    return FunctionSpec.scalar(
        name,
        Arity.exactly(1),
        List.of(BINARY),
        c -> named(kernel, name, c.arguments(), DataTypes.StringType, anyNullable(c)));
  }

  private static ScalarFunction nondeterministic(String kernel, String prettyName, DataType t) {
    return new ScalarFunction(kernel, List.of(), t, false, true, prettyName);
  }

  /** {@code hash}/{@code xxhash64} of any values but maps (Spark rejects maps by default). */
  private static Expression rowHash(FunctionCall c, String name, DataType result) {
    for (Expression a : c.arguments()) {
      if (containsMap(a.dataType())) {
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_HASH_MAP_TYPE,
            "sqlExpr",
            StringFunctionSpecs.sqlExpr(name, c.arguments()),
            "functionName",
            QueryErrors.toSQLId(name));
      }
    }
    return call(name, c.arguments(), result, false);
  }

  private static boolean containsMap(DataType t) {
    if (t instanceof MapType) return true;
    if (t instanceof ArrayType a) return containsMap(a.elementType());
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (containsMap(f.dataType())) return true;
      }
    }
    return false;
  }

  /** {@code nullif(a, b)}: {@code CASE WHEN a = b THEN NULL ELSE a END}, named {@code nullif}. */
  private static Expression nullIf(FunctionCall c) {
    Expression a = c.arg(0);
    Expression b = c.arg(1);
    CaseWhen replacement =
        new CaseWhen(
            List.of(
                new CaseWhen.Branch(
                    new Comparison(Comparison.Op.EQ, a, b), new Literal(null, a.dataType()))),
            a);
    return new RuntimeReplaceable("nullif", c.arguments(), false, replacement);
  }
}
