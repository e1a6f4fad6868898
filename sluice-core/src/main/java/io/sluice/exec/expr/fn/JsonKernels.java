package io.sluice.exec.expr.fn;

import io.sluice.AnalysisException;
import io.sluice.config.SQLConf;
import io.sluice.connector.file.ParseMode;
import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.json.JsonFieldsExtractor;
import io.sluice.exec.json.JsonFormatter;
import io.sluice.exec.json.JsonParseOptions;
import io.sluice.exec.json.JsonPath;
import io.sluice.exec.json.JsonPathExtractor;
import io.sluice.exec.json.JsonRecordParser;
import io.sluice.exec.json.JsonTypeInference;
import io.sluice.exec.json.JsonWriteOptions;
import io.sluice.exec.json.Writers;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapValue;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernels of the JSON functions, on the parsing core of {@code io.sluice.exec.json} shared with the
 * JSON source. The calls the registry builds: {@code from_json(json, sessionCorruptColumn[,
 * options])} typed as the schema, {@code to_json(value[, options])}, {@code schema_of_json(json[,
 * options])}, {@code get_json_object(json, path)} and {@code json_tuple(json, name...)} (the rows
 * of a generator); options are a constant string map, read once per task.
 */
final class JsonKernels {
  private JsonKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("from_json", JsonKernels::fromJson);
    m.put("to_json", JsonKernels::toJson);
    m.put("schema_of_json", JsonKernels::schemaOfJson);
    m.put("get_json_object", JsonKernels::getJsonObject);
    m.put("json_tuple", JsonKernels::jsonTuple);
  }

  private static VectorEvaluator fromJson(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    DataType schema = call.dataType();
    String sessionCorruptColumn = (String) ((Literal) call.arg(1)).value();
    JsonParseOptions options =
        new JsonParseOptions(options(call, args, 2), sessionCorruptColumn, ctx.timeZone().getId());
    if (options.mode() == ParseMode.DROPMALFORMED) {
      throw new AnalysisException(
          ErrorClass.PARSE_MODE_UNSUPPORTED,
          SluiceException.params("funcName", "`from_json`", "mode", "DROPMALFORMED"));
    }
    checkCorruptField(schema, options.columnNameOfCorruptRecord());
    Writers.checkSupported(
        schema instanceof StructType s ? s : new StructType().add("value", schema));
    JsonRecordParser parser = new JsonRecordParser(schema, options);
    VectorEvaluator json = args.get(0);
    return batch -> parser.parse((BytesVector) json.evaluate(batch), batch.numRows());
  }

  /** Spark's check of the corrupt-record field of a {@code from_json} schema. */
  private static void checkCorruptField(DataType schema, String name) {
    if (!(schema instanceof StructType s)) return;
    int i = s.indexOf(name, true);
    if (i < 0) return;
    StructField f = s.get(i);
    if (!(f.dataType() instanceof StringType)) {
      throw new AnalysisException(
          ErrorClass.INVALID_CORRUPT_RECORD_TYPE,
          SluiceException.params(
              "columnName", "`" + name + "`", "actualType", "\"" + f.dataType().sql() + "\""));
    }
  }

  private static VectorEvaluator toJson(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    JsonWriteOptions options =
        new JsonWriteOptions(options(call, args, 1), ctx.timeZone().getId(), true);
    DataType type = call.arg(0).dataType();
    JsonFormatter formatter = new JsonFormatter(type, options, ctx);
    VectorEvaluator value = args.get(0);
    return batch -> formatter.format(value.evaluate(batch), batch.numRows());
  }

  /**
   * {@code schema_of_json}: the argument is constant, so its schema is inferred once, on the first
   * batch, and repeated.
   */
  private static VectorEvaluator schemaOfJson(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    JsonParseOptions options =
        new JsonParseOptions(
            options(call, args, 1), SQLConf.COLUMN_NAME_OF_CORRUPT_RECORD.defaultValue(), "UTC");
    JsonTypeInference inference = new JsonTypeInference(options);
    VectorEvaluator json = args.get(0);
    byte[][] last = new byte[2][];
    return batch -> {
      BytesVector in = (BytesVector) json.evaluate(batch);
      int n = batch.numRows();
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      for (int i = 0; i < n; i++) {
        if (in.isNullAt(i)) {
          out.appendNull();
          continue;
        }
        byte[] text = in.getBytes(i);
        if (last[0] == null || !Arrays.equals(last[0], text)) {
          last[0] = text;
          last[1] = schemaOf(inference, text);
        }
        out.appendBytes(last[1]);
      }
      return out;
    };
  }

  private static byte[] schemaOf(JsonTypeInference inference, byte[] json) {
    try {
      return inference.schemaOf(json, 0, json.length).sql().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.MALFORMED_RECORD_IN_PARSING,
          SluiceException.params(
              "badRecord", new String(json, StandardCharsets.UTF_8), "failFastMode", "FAILFAST"),
          e);
    }
  }

  /** {@code get_json_object}: a constant path is parsed once. */
  private static VectorEvaluator getJsonObject(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    VectorEvaluator json = args.get(0);
    VectorEvaluator path = args.get(1);
    boolean constant = call.arg(1) instanceof Literal;
    List<JsonPath.Instruction> fixed =
        constant ? JsonPath.parse((String) ((Literal) call.arg(1)).value()) : null;
    JsonPathExtractor extractor = new JsonPathExtractor();
    return batch -> {
      BytesVector in = (BytesVector) json.evaluate(batch);
      BytesVector paths = constant ? null : (BytesVector) path.evaluate(batch);
      int n = batch.numRows();
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      for (int i = 0; i < n; i++) {
        List<JsonPath.Instruction> p =
            constant ? fixed : paths.isNullAt(i) ? null : JsonPath.parse(paths.getString(i));
        byte[] value =
            in.isNullAt(i) || p == null
                ? null
                : extractor.extract(p, in.data(), in.start(i), in.length(i));
        if (value == null) {
          out.appendNull();
        } else {
          out.appendBytes(value);
        }
      }
      return out;
    };
  }

  /**
   * {@code json_tuple}'s rows: per input row a one-element array holding the struct of the named
   * fields (all null for a null or malformed JSON). Constant names are read once.
   */
  private static VectorEvaluator jsonTuple(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    int fields = args.size() - 1;
    String[] fixed = new String[fields];
    boolean[] constant = new boolean[fields];
    for (int f = 0; f < fields; f++) {
      if (call.arg(f + 1) instanceof Literal l) {
        constant[f] = true;
        fixed[f] = l.value() == null ? null : l.value().toString();
      }
    }
    JsonFieldsExtractor extractor = new JsonFieldsExtractor();
    return batch -> {
      int n = batch.numRows();
      BytesVector json = (BytesVector) args.get(0).evaluate(batch);
      BytesVector[] names = new BytesVector[fields];
      for (int f = 0; f < fields; f++) {
        if (!constant[f]) names[f] = (BytesVector) args.get(f + 1).evaluate(batch);
      }
      ArrayVector out = (ArrayVector) ColumnVector.allocate(call.dataType(), n);
      StructVector rows = (StructVector) out.elements();
      String[] rowNames = fixed.clone();
      byte[][] values = new byte[fields][];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < fields; f++) {
          if (!constant[f]) rowNames[f] = names[f].isNullAt(i) ? null : names[f].getString(i);
        }
        if (json.isNullAt(i)) {
          Arrays.fill(values, null);
        } else {
          extractor.extract(rowNames, json.data(), json.start(i), json.length(i), values);
        }
        for (int f = 0; f < fields; f++) {
          BytesVector c = (BytesVector) rows.child(f);
          if (values[f] == null) {
            c.appendNull();
          } else {
            c.appendBytes(values[f]);
          }
        }
        rows.appendRowOfChildren(false);
        out.commitRow();
      }
      return out;
    };
  }

  /**
   * The options map given as argument {@code index} (a constant {@code MAP<STRING, STRING>}),
   * evaluated once; entries with a null value are ignored, as Spark does.
   */
  static SourceOptions options(ScalarFunction call, List<VectorEvaluator> args, int index) {
    Map<String, String> m = new HashMap<>();
    if (call.arguments().size() > index) {
      ColumnVector v = args.get(index).evaluate(new ColumnBatch(new ColumnVector[0], 1));
      if (!v.isNullAt(0) && v.getObject(0) instanceof MapValue map) {
        for (int i = 0; i < map.size(); i++) {
          if (map.keys()[i] != null && map.values()[i] != null) {
            m.put(map.keys()[i].toString(), map.values()[i].toString());
          }
        }
      }
    }
    return new SourceOptions(m);
  }
}
