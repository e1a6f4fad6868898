package io.sluice.state;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The key and value schemas of a store, recorded in {@code <operator>/_metadata/schema[-<name>]} at
 * the first run and checked at every restart: a query whose state rows no longer have the same
 * column types (names may change) fails with an error naming the store and both schemas.
 */
public final class StateSchemaFile {
  private StateSchemaFile() {}

  /** Records the schemas on first use; on later runs, checks them against the recorded ones. */
  public static synchronized void checkOrWrite(
      StateStoreId id, String keySchema, String valueSchema) {
    Path opDir = id.root().resolve(Long.toString(id.operatorId())).resolve("_metadata");
    String fileName =
        id.storeName().equals(StateStoreId.DEFAULT_NAME) ? "schema" : "schema-" + id.storeName();
    Path file = opDir.resolve(fileName);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(opDir);
        Path tmp = opDir.resolve("." + fileName + "." + java.util.UUID.randomUUID() + ".tmp");
        Files.writeString(
            tmp, "v1\n" + keySchema + "\n" + valueSchema + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
      if (lines.length < 3 || !lines[0].equals("v1")) {
        throw new SluiceRuntimeException(
            ErrorClass.CHECKPOINT_FILE_CORRUPT,
            SluiceException.params(
                "path",
                file.toString(),
                "reason",
                "expected 'v1', a key schema and a value schema"));
      }
      if (!compatible(lines[1], keySchema)) {
        throw new SluiceRuntimeException(
            ErrorClass.STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE,
            SluiceException.params(
                "storeId", id.toString(), "storedKeySchema", lines[1], "newKeySchema", keySchema));
      }
      if (!compatible(lines[2], valueSchema)) {
        throw new SluiceRuntimeException(
            ErrorClass.STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE,
            SluiceException.params(
                "storeId",
                id.toString(),
                "storedValueSchema",
                lines[2],
                "newValueSchema",
                valueSchema));
      }
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.CHECKPOINT_IO_ERROR,
          SluiceException.params(
              "operation", "read", "path", file.toString(), "reason", e.toString()),
          e);
    }
  }

  /** Same number of columns with the same types, in order; names are free to differ. */
  static boolean compatible(String storedDdl, String newDdl) {
    StructType a =
        storedDdl.isBlank() ? new StructType(java.util.List.of()) : StructType.fromDDL(storedDdl);
    StructType b =
        newDdl.isBlank() ? new StructType(java.util.List.of()) : StructType.fromDDL(newDdl);
    if (a.length() != b.length()) return false;
    for (int i = 0; i < a.length(); i++) {
      DataType x = a.fields()[i].dataType();
      DataType y = b.fields()[i].dataType();
      if (!x.equals(y)) return false;
    }
    return true;
  }

  static String ddl(StructType schema) {
    StringBuilder sb = new StringBuilder();
    for (StructField f : schema.fields()) {
      if (sb.length() > 0) sb.append(", ");
      sb.append('`').append(f.name()).append("` ").append(f.dataType().sql());
    }
    return sb.toString();
  }
}
