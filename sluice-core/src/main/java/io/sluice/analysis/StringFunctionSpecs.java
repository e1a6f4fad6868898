package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.StringType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry entries of the string functions (the pattern functions are in {@link
 * PatternFunctionSpecs}); their kernels live in {@code exec.expr.fn}. Optional arguments take
 * Spark's defaults here, so generated names show them as Spark does: {@code substring(s, 2)} is
 * named {@code substring(s, 2, 2147483647)}.
 */
final class StringFunctionSpecs {
  private StringFunctionSpecs() {}

  static final InputType STRING = InputType.STRING;
  static final InputType INT = InputType.exact(DataTypes.IntegerType);
  static final InputType BINARY = InputType.exact(DataTypes.BinaryType);
  static final InputType STRING_OR_BINARY = InputType.oneOf(STRING, BINARY);

  private static final List<InputType> ONE_STRING = List.of(STRING);
  private static final List<InputType> STRINGS = List.of(STRING);

  static FunctionRegistry register(FunctionRegistry r) {
    FunctionRegistry all =
        r.with(
            FunctionSpec.scalar(
                "upper", Arity.exactly(1), ONE_STRING, c -> stringResult("upper", c)),
            FunctionSpec.scalar(
                "ucase",
                Arity.exactly(1),
                ONE_STRING,
                c ->
                    new RuntimeReplaceable(
                        "ucase", c.arguments(), false, stringResult("upper", c))),
            FunctionSpec.scalar(
                "lower", Arity.exactly(1), ONE_STRING, c -> stringResult("lower", c)),
            FunctionSpec.scalar(
                "lcase",
                Arity.exactly(1),
                ONE_STRING,
                c ->
                    new RuntimeReplaceable(
                        "lcase", c.arguments(), false, stringResult("lower", c))),
            FunctionSpec.scalar(
                "initcap", Arity.exactly(1), ONE_STRING, c -> stringResult("initcap", c)),
            FunctionSpec.scalar("concat", Arity.atLeast(0), StringFunctionSpecs::concat),
            FunctionSpec.scalar(
                "concat_ws",
                Arity.atLeast(1),
                List.of(
                    STRING,
                    InputType.oneOf(
                        InputType.exact(new ArrayType(DataTypes.StringType, true)), STRING)),
                c -> call("concat_ws", c.arguments(), DataTypes.StringType, c.arg(0).nullable())),
            length("length"),
            length("char_length"),
            length("character_length"),
            length("len"),
            FunctionSpec.scalar(
                "octet_length",
                Arity.exactly(1),
                List.of(STRING_OR_BINARY),
                c -> call("octet_length", c.arguments(), DataTypes.IntegerType, anyNullable(c))),
            FunctionSpec.scalar(
                "bit_length",
                Arity.exactly(1),
                List.of(STRING_OR_BINARY),
                c -> call("bit_length", c.arguments(), DataTypes.IntegerType, anyNullable(c))),
            substring("substring"),
            substring("substr"),
            FunctionSpec.scalar(
                "left",
                Arity.exactly(2),
                List.of(STRING_OR_BINARY, INT),
                c ->
                    new RuntimeReplaceable(
                        "left",
                        c.arguments(),
                        false,
                        substringCall("substring", List.of(c.arg(0), Literal.of(1), c.arg(1))))),
            FunctionSpec.scalar(
                "right",
                Arity.exactly(2),
                List.of(STRING, INT),
                c -> call("right", c.arguments(), DataTypes.StringType, anyNullable(c))),
            trim("trim", "BOTH"),
            trim("ltrim", "LEADING"),
            trim("rtrim", "TRAILING"),
            FunctionSpec.scalar(
                "btrim",
                Arity.oneOf(1, 2),
                STRINGS,
                c -> named("trim", "btrim", c.arguments(), DataTypes.StringType, anyNullable(c))),
            pad("lpad"),
            pad("rpad"));
    all =
        all.with(
            FunctionSpec.scalar(
                "instr",
                Arity.exactly(2),
                STRINGS,
                c -> call("instr", c.arguments(), DataTypes.IntegerType, anyNullable(c))),
            locate("locate"),
            locate("position"),
            FunctionSpec.scalar(
                "replace",
                Arity.oneOf(2, 3),
                STRINGS,
                c -> stringResult("replace", withDefault(c.arguments(), 3, Literal.of("")))),
            FunctionSpec.scalar(
                "reverse",
                Arity.exactly(1),
                List.of(InputType.oneOf(STRING, InputType.ARRAY)),
                c -> call("reverse", c.arguments(), c.arg(0).dataType(), anyNullable(c))),
            FunctionSpec.scalar(
                "repeat",
                Arity.exactly(2),
                List.of(STRING, INT),
                c -> stringResult("repeat", c.arguments())),
            FunctionSpec.scalar(
                "ascii",
                Arity.exactly(1),
                ONE_STRING,
                c -> call("ascii", c.arguments(), DataTypes.IntegerType, anyNullable(c))),
            FunctionSpec.scalar(
                "translate",
                Arity.exactly(3),
                STRINGS,
                c -> stringResult("translate", c.arguments())),
            FunctionSpec.scalar(
                "substring_index",
                Arity.exactly(3),
                List.of(STRING, STRING, INT),
                c -> stringResult("substring_index", c.arguments())),
            predicate("startswith"),
            predicate("endswith"),
            predicate("contains"));
    all = FormatFunctionSpecs.register(all);
    return PatternFunctionSpecs.register(all);
  }

  // ---- builders shared by the function families ----

  /** A deterministic call of kernel {@code name}, shown under that name. */
  static ScalarFunction call(String name, List<Expression> args, DataType type, boolean nullable) {
    return ScalarFunction.of(name, args, type, nullable);
  }

  /** A call of kernel {@code kernel} shown as {@code prettyName} (an alias, or Spark's casing). */
  static ScalarFunction named(
      String kernel, String prettyName, List<Expression> args, DataType type, boolean nullable) {
    return new ScalarFunction(kernel, args, type, nullable, false, prettyName);
  }

  static boolean anyNullable(FunctionCall c) {
    return anyNullable(c.arguments());
  }

  static boolean anyNullable(List<Expression> args) {
    for (Expression a : args) {
      if (a.nullable()) return true;
    }
    return false;
  }

  /** {@code args} with {@code dflt} appended when only {@code size - 1} arguments were given. */
  static List<Expression> withDefault(List<Expression> args, int size, Expression dflt) {
    if (args.size() >= size) return args;
    List<Expression> out = new ArrayList<>(args);
    out.add(dflt);
    return out;
  }

  /** An implicit cast to string (hidden in names), unless {@code e} is a string already. */
  static Expression toStringType(Expression e, boolean ansi) {
    if (e.dataType() instanceof StringType) return e;
    return Cast.implicit(e, DataTypes.StringType, EvalMode.fromAnsi(ansi));
  }

  static String sqlExpr(String name, List<Expression> args) {
    return "\"" + FunctionCall.callSql(name, args, false) + "\"";
  }

  /** A string-valued call, null exactly when an argument is null. */
  private static ScalarFunction stringResult(String kernel, FunctionCall c) {
    return stringResult(kernel, c.arguments());
  }

  private static ScalarFunction stringResult(String kernel, List<Expression> args) {
    return ScalarFunction.of(kernel, args, DataTypes.StringType, anyNullable(args));
  }

  // ---- per-function specs ----

  private static FunctionSpec length(String name) {
    return FunctionSpec.scalar(
        name,
        Arity.exactly(1),
        List.of(STRING_OR_BINARY),
        c -> named("length", name, c.arguments(), DataTypes.IntegerType, anyNullable(c)));
  }

  private static FunctionSpec substring(String name) {
    return FunctionSpec.scalar(
        name,
        Arity.oneOf(2, 3),
        List.of(STRING_OR_BINARY, INT, INT),
        c -> substringCall(name, withDefault(c.arguments(), 3, Literal.of(Integer.MAX_VALUE))));
  }

  private static ScalarFunction substringCall(String prettyName, List<Expression> args) {
    return named("substring", prettyName, args, args.get(0).dataType(), anyNullable(args));
  }

  /**
   * {@code trim(str)}, or {@code trim(trimStr, str)} with Spark's argument order for two arguments
   * (its {@code TRIM(BOTH trimStr FROM str)}, which is also the generated name). The kernel takes
   * {@code (str[, trimStr])}.
   */
  private static FunctionSpec trim(String name, String direction) {
    return FunctionSpec.scalar(
        name,
        Arity.oneOf(1, 2),
        STRINGS,
        c -> {
          if (c.arguments().size() == 1) {
            return call(name, c.arguments(), DataTypes.StringType, anyNullable(c));
          }
          Expression trimStr = c.arg(0);
          Expression src = c.arg(1);
          ScalarFunction f =
              call(name, List.of(src, trimStr), DataTypes.StringType, anyNullable(c));
          return RuntimeReplaceable.shownAs(
              "TRIM(" + direction + " " + trimStr.sql() + " FROM " + src.sql() + ")", f);
        });
  }

  /**
   * {@code lpad(str, len[, pad])}: binary padding (default pad {@code X'00'}) when {@code str} is
   * binary and so is {@code pad} if given, else string padding (default pad one space).
   */
  private static FunctionSpec pad(String name) {
    return FunctionSpec.scalar(
        name,
        Arity.oneOf(2, 3),
        List.of(STRING_OR_BINARY, INT, STRING_OR_BINARY),
        c -> {
          List<Expression> args = c.arguments();
          boolean binary =
              args.get(0).dataType() instanceof BinaryType
                  && (args.size() == 2 || args.get(2).dataType() instanceof BinaryType);
          List<Expression> full;
          if (binary) {
            full = withDefault(args, 3, new Literal(new byte[] {0}, DataTypes.BinaryType));
          } else {
            full = new ArrayList<>(withDefault(args, 3, Literal.of(" ")));
            full.set(0, toStringType(full.get(0), c.ansi()));
            full.set(2, toStringType(full.get(2), c.ansi()));
          }
          return call(name, full, full.get(0).dataType(), anyNullable(full));
        });
  }

  /** {@code locate(substr, str[, pos])}: a null {@code pos} gives 0, not null, as in Spark. */
  private static FunctionSpec locate(String name) {
    return FunctionSpec.scalar(
        name,
        Arity.oneOf(2, 3),
        List.of(STRING, STRING, INT),
        c -> {
          List<Expression> args = withDefault(c.arguments(), 3, Literal.of(1));
          return named(
              "locate",
              name,
              args,
              DataTypes.IntegerType,
              args.get(0).nullable() || args.get(1).nullable());
        });
  }

  /** {@code startswith}, {@code endswith}, {@code contains} over two strings or two binaries. */
  private static FunctionSpec predicate(String name) {
    return FunctionSpec.scalar(
        name,
        Arity.exactly(2),
        List.of(STRING_OR_BINARY),
        c -> {
          List<Expression> args = c.arguments();
          boolean binary =
              args.get(0).dataType() instanceof BinaryType
                  && args.get(1).dataType() instanceof BinaryType;
          if (!binary) {
            args =
                List.of(toStringType(args.get(0), c.ansi()), toStringType(args.get(1), c.ansi()));
          }
          return call(name, args, DataTypes.BooleanType, anyNullable(args));
        });
  }

  /**
   * {@code concat(...)}: binary when every argument is binary, an array when every argument is an
   * array of one element type, else a string (arguments cast to string).
   */
  private static Expression concat(FunctionCall c) {
    List<Expression> args = c.arguments();
    if (args.isEmpty()) return call("concat", args, DataTypes.StringType, false);
    boolean allBinary = true;
    boolean allArrays = true;
    for (Expression a : args) {
      allBinary &= a.dataType() instanceof BinaryType;
      allArrays &= a.dataType() instanceof ArrayType;
    }
    if (allBinary) return call("concat", args, DataTypes.BinaryType, anyNullable(args));
    if (allArrays) return concatArrays(c);
    List<Expression> cast = new ArrayList<>(args.size());
    for (Expression a : args) cast.add(toStringType(a, c.ansi()));
    return call("concat", cast, DataTypes.StringType, anyNullable(cast));
  }

  private static Expression concatArrays(FunctionCall c) {
    ArrayType first = (ArrayType) c.arg(0).dataType();
    boolean containsNull = false;
    for (Expression a : c.arguments()) {
      ArrayType t = (ArrayType) a.dataType();
      if (!DataTypes.equalsIgnoreNullability(t.elementType(), first.elementType())) {
        List<String> types = new ArrayList<>();
        for (Expression x : c.arguments()) types.add(QueryErrors.toSQLType(x.dataType()));
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_DATA_DIFF_TYPES,
            "sqlExpr",
            sqlExpr("concat", c.arguments()),
            "functionName",
            QueryErrors.toSQLId("concat"),
            "dataType",
            "(" + String.join(" or ", types) + ")");
      }
      containsNull |= t.containsNull();
    }
    DataType type = new ArrayType(first.elementType(), containsNull);
    return call("concat", c.arguments(), type, anyNullable(c));
  }
}
