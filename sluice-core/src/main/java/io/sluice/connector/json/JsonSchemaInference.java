package io.sluice.connector.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.FileSplit;
import io.sluice.connector.file.InferredTypes;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.SourceFile;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.json.JsonTypeInference;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.NullType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Spark's JSON schema inference of files: every (sampled) record's type is inferred from its tokens
 * ({@link JsonTypeInference}), then the types are merged ({@link InferredTypes}) and canonicalized
 * (fields only ever null become strings). Records that are not objects, or fail to parse, add the
 * corrupt-record column in PERMISSIVE mode.
 */
final class JsonSchemaInference {
  private final JsonOptions options;
  private final JsonTypeInference values;
  private final Random sampler;
  private SourceFile file;

  private JsonSchemaInference(JsonOptions options) {
    this.options = options;
    this.values = new JsonTypeInference(options.parse);
    this.sampler = options.samplingRatio > 0.99 ? null : new Random(1);
  }

  static StructType infer(List<SourceFile> files, JsonOptions options) {
    if (files.isEmpty()) {
      throw new io.sluice.AnalysisException(
          ErrorClass.UNABLE_TO_INFER_SCHEMA, SluiceException.params("format", "JSON"));
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
    try (LineSplitReader lines =
        new LineSplitReader(
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
    try (InputStream in =
        LineSplitReader.isCompressed(file)
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
      return values.inferValue(p);
    } catch (JsonProcessingException | RuntimeException e) {
      return switch (options.mode) {
        case PERMISSIVE ->
            new StructType().add(options.columnNameOfCorruptRecord, DataTypes.StringType);
        case DROPMALFORMED -> null;
        case FAILFAST -> throw malformed(e.getMessage());
      };
    }
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
        yield InferredTypes.mergeStructs(
            struct, new StructType().add(options.columnNameOfCorruptRecord, DataTypes.StringType));
      }
      case DROPMALFORMED -> struct;
      case FAILFAST ->
          throw malformed(
              "Struct types are expected, but `" + other.simpleString() + "` was found");
    };
  }

  private SluiceRuntimeException malformed(String reason) {
    return new SluiceRuntimeException(
        ErrorClass.MALFORMED_RECORD_IN_SCHEMA_INFERENCE,
        SluiceException.params("path", file.uri(), "reason", String.valueOf(reason)));
  }
}
