package io.sluice.connector.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.DateTimeText;
import io.sluice.connector.file.FileSplit;
import io.sluice.connector.file.InferredTypes;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.SourceFile;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.DateTimes;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import io.sluice.types.NullType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Spark's JSON schema inference: every (sampled) record's type is inferred from its tokens —
 * integers as bigint, other numbers as double (or decimal with {@code prefersDecimal}),
 * booleans, strings (timestamps with {@code inferTimestamp}), objects as structs with fields
 * sorted by name, arrays of the merged element type — then the types are merged ({@link
 * InferredTypes}) and canonicalized (fields only ever null become strings). Records that are not
 * objects, or fail to parse, add the corrupt-record column in PERMISSIVE mode.
 */
final class JsonSchemaInference {
  private final JsonOptions options;
  private final Random sampler;
  private SourceFile file;

  private JsonSchemaInference(JsonOptions options) {
    this.options = options;
    this.sampler = options.samplingRatio > 0.99 ? null : new Random(1);
  }

  static StructType infer(List<SourceFile> files, JsonOptions options) {
    if (files.isEmpty()) {
      throw new io.sluice.AnalysisException(ErrorClass.UNABLE_TO_INFER_SCHEMA,
          SluiceException.params("format", "JSON"));
    }
    JsonSchemaInference inference = new JsonSchemaInference(options);
    DataType root = new StructType();
    for (SourceFile f : files) {
      inference.file = f;
      try {
        root = options.multiLine ? inference.inferWholeFile(root) : inference.inferLines(root);
      } catch (IOException e) {
        throw FileListing.readError(f.path(), e);
      }
    }
    DataType canonical = InferredTypes.canonicalize(root, options.dropFieldIfAllNull);
    return canonical instanceof StructType s ? s : new StructType();
  }

  private DataType inferLines(DataType root) throws IOException {
    try (LineSplitReader lines = new LineSplitReader(
        new FileSplit(file, 0, Math.max(1, file.length())), options.lineSeparator)) {
      while (lines.nextChunk()) {
        byte[] buf = lines.buffer();
        for (int i = 0; i < lines.lineCount(); i++) {
          if (sampler != null && sampler.nextDouble() >= options.samplingRatio) continue;
          DataType t = inferRecord(buf, lines.lineStart(i), lines.lineEnd(i));
          if (t != null) root = mergeRoot(root, t);
        }
      }
    }
    return root;
  }

  private DataType inferWholeFile(DataType root) throws IOException {
    byte[] bytes;
    try (InputStream in = LineSplitReader.isCompressed(file)
        ? new GZIPInputStream(Files.newInputStream(file.path()))
        : Files.newInputStream(file.path())) {
      bytes = in.readAllBytes();
    }
    DataType t = inferRecord(bytes, 0, bytes.length);
    return t == null ? root : mergeRoot(root, t);
  }

  /** The type of one record; null for a malformed record to ignore. */
  private DataType inferRecord(byte[] buf, int start, int end) throws IOException {
    try (JsonParser p = options.factory().createParser(buf, start, end - start)) {
      p.nextToken();
      return inferField(p);
    } catch (JsonProcessingException | RuntimeException e) {
      return switch (options.mode) {
        case PERMISSIVE -> new StructType().add(options.columnNameOfCorruptRecord,
            DataTypes.StringType);
        case DROPMALFORMED -> null;
        case FAILFAST -> throw malformed(e.getMessage());
      };
    }
  }

  private DataType inferField(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) return DataTypes.NullType;
    switch (t) {
      case VALUE_NULL:
        return DataTypes.NullType;
      case FIELD_NAME:
        p.nextToken();
        return inferField(p);
      case VALUE_STRING:
        return inferString(p.getText());
      case START_OBJECT: {
        TreeMap<String, DataType> fields = new TreeMap<>(Comparator.naturalOrder());
        String name;
        while ((name = p.nextFieldName()) != null) {
          p.nextToken();
          DataType ft = inferField(p);
          fields.merge(name, ft, InferredTypes::compatibleType);
        }
        List<StructField> list = new ArrayList<>(fields.size());
        fields.forEach((k, v) -> list.add(new StructField(k, v, true)));
        return new StructType(list);
      }
      case START_ARRAY: {
        DataType element = DataTypes.NullType;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          element = InferredTypes.compatibleType(element, inferField(p));
        }
        return new ArrayType(element, true);
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return options.primitivesAsString ? DataTypes.StringType : inferNumber(p);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return options.primitivesAsString ? DataTypes.StringType : DataTypes.BooleanType;
      default:
        throw new IllegalStateException("Malformed JSON: unexpected token " + t);
    }
  }

  private DataType inferString(String s) {
    if (s.isEmpty()) return DataTypes.NullType;
    if (options.prefersDecimal) {
      try {
        BigDecimal d = new BigDecimal(s.replace(",", ""));
        return decimalOrDouble(d);
      } catch (NumberFormatException ignored) {
        // not a number
      }
    }
    if (options.inferTimestamp) {
      long micros = options.timestampFormat != null
          ? DateTimeText.parseTimestamp(options.timestampFormat, s, options.zoneId)
          : DateTimes.stringToTimestamp(s, options.zoneId);
      if (micros != DateTimes.INVALID_TIMESTAMP) return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private DataType inferNumber(JsonParser p) throws IOException {
    switch (p.getNumberType()) {
      case INT:
      case LONG:
        return DataTypes.LongType;
      case BIG_INTEGER:
      case BIG_DECIMAL:
        return decimalOrDouble(p.getDecimalValue());
      default:
        if (options.prefersDecimal && !isNonNumeric(p)) return decimalOrDouble(p.getDecimalValue());
        return DataTypes.DoubleType;
    }
  }

  private static boolean isNonNumeric(JsonParser p) throws IOException {
    double d = p.getDoubleValue();
    return Double.isNaN(d) || Double.isInfinite(d);
  }

  private static DataType decimalOrDouble(BigDecimal v) {
    int precision = Math.max(v.precision(), v.scale());
    if (v.scale() < 0 || precision > DecimalType.MAX_PRECISION) {
      return v.scale() < 0 && v.precision() - v.scale() <= DecimalType.MAX_PRECISION
          ? new DecimalType(v.precision() - v.scale(), 0) : DataTypes.DoubleType;
    }
    return new DecimalType(precision, v.scale());
  }

  /** Spark's {@code compatibleRootType}: arrays at the root stand for their elements. */
  private DataType mergeRoot(DataType t1, DataType t2) {
    if (t1 instanceof ArrayType a) return mergeRoot(a.elementType(), t2);
    if (t2 instanceof ArrayType a) return mergeRoot(t1, a.elementType());
    if (t1 instanceof StructType s && t2 instanceof NullType) return s;
    if (t1 instanceof NullType && t2 instanceof StructType s) return s;
    if (t1 instanceof StructType s && !(t2 instanceof StructType)) return withCorruptField(s, t2);
    if (t2 instanceof StructType s && !(t1 instanceof StructType)) return withCorruptField(s, t1);
    return InferredTypes.compatibleType(t1, t2);
  }

  private StructType withCorruptField(StructType struct, DataType other) {
    return switch (options.mode) {
      case PERMISSIVE -> {
        if (struct.indexOf(options.columnNameOfCorruptRecord, true) >= 0) yield struct;
        yield InferredTypes.mergeStructs(struct,
            new StructType().add(options.columnNameOfCorruptRecord, DataTypes.StringType));
      }
      case DROPMALFORMED -> struct;
      case FAILFAST -> throw malformed("Struct types are expected, but `"
          + other.simpleString() + "` was found");
    };
  }

  private SluiceRuntimeException malformed(String reason) {
    return new SluiceRuntimeException(ErrorClass.MALFORMED_RECORD_IN_SCHEMA_INFERENCE,
        SluiceException.params("path", file.uri(), "reason", String.valueOf(reason)));
  }
}
