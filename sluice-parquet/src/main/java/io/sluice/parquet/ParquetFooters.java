package io.sluice.parquet;

import io.sluice.connector.file.SourceFile;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;

/**
 * Footers and the schema of a set of Parquet files: as Spark, the schema of the first file, or with
 * {@code mergeSchema} the merge of every file's schema (fields in order of first appearance, nested
 * structs merged, the same type required of a column in every file).
 */
final class ParquetFooters {
  private ParquetFooters() {}

  /** The footer of a file; failures name the file. */
  static ParquetMetadata read(Path file) {
    try {
      LocalInputFile in = new LocalInputFile(file);
      try (var stream = in.newStream()) {
        return ParquetFileReader.readFooter(in, HadoopConf.readOptions(), stream);
      }
    } catch (IOException | RuntimeException e) {
      throw readError(file, e);
    }
  }

  static SluiceRuntimeException readError(Path file, Exception e) {
    return new SluiceRuntimeException(
        ErrorClass.FILE_READ_ERROR,
        SluiceException.params("path", file.toAbsolutePath().toUri().toString()),
        e);
  }

  /** The data schema of {@code files} (null when there is none). */
  static StructType inferSchema(List<SourceFile> files, boolean merge) {
    StructType merged = null;
    for (SourceFile f : files) {
      if (f.length() == 0) continue;
      StructType s = ParquetSchemas.toSluice(read(f.path()).getFileMetaData().getSchema());
      merged = merged == null ? s : merge(merged, s, f.path(), "");
      if (!merge) break;
    }
    return merged == null ? null : merged.asNullable();
  }

  /** {@code left} merged with the schema of {@code file}; an error names the file and column. */
  static StructType merge(StructType left, StructType right, Path file, String prefix) {
    List<StructField> out = new ArrayList<>();
    for (StructField l : left.fields()) {
      int i = right.indexOf(l.name(), true);
      if (i < 0) {
        out.add(l);
        continue;
      }
      StructField r = right.get(i);
      out.add(
          new StructField(
              l.name(),
              mergeType(l.dataType(), r.dataType(), file, prefix + l.name()),
              l.nullable() || r.nullable()));
    }
    for (StructField r : right.fields()) {
      if (left.indexOf(r.name(), true) < 0) out.add(r);
    }
    return new StructType(out);
  }

  private static DataType mergeType(DataType l, DataType r, Path file, String column) {
    if (l instanceof StructType ls && r instanceof StructType rs) {
      return merge(ls, rs, file, column + ".");
    }
    if (l instanceof ArrayType la && r instanceof ArrayType ra) {
      return new ArrayType(
          mergeType(la.elementType(), ra.elementType(), file, column + ".element"),
          la.containsNull() || ra.containsNull());
    }
    if (l instanceof MapType lm && r instanceof MapType rm) {
      return new MapType(
          mergeType(lm.keyType(), rm.keyType(), file, column + ".key"),
          mergeType(lm.valueType(), rm.valueType(), file, column + ".value"),
          lm.valueContainsNull() || rm.valueContainsNull());
    }
    if (DataTypes.equalsIgnoreNullability(l, r)) return l;
    throw new io.sluice.AnalysisException(
        ErrorClass.CANNOT_MERGE_SCHEMAS,
        SluiceException.params(
            "column",
            "`" + column + "`",
            "left",
            "\"" + l.sql() + "\"",
            "right",
            "\"" + r.sql() + "\"",
            "path",
            file.toAbsolutePath().toUri().toString()));
  }
}
