package io.sluice.types;

import java.util.Objects;

/**
 * One field of a {@link StructType}: a name, a type, whether it may be null, and an optional
 * comment.
 */
public record StructField(String name, DataType dataType, boolean nullable, String comment) {

  public StructField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
  }

  public StructField(String name, DataType dataType, boolean nullable) {
    this(name, dataType, nullable, null);
  }

  public StructField(String name, DataType dataType) {
    this(name, dataType, true, null);
  }

  /** Spark's {@code StructField.toDDL}: {@code name TYPE [NOT NULL] [COMMENT '...']}. */
  public String toDDL() {
    StringBuilder sb = new StringBuilder(DataTypes.quoteIfNeeded(name)).append(' ');
    sb.append(dataType.sql());
    if (!nullable) {
      sb.append(" NOT NULL");
    }
    if (comment != null) {
      sb.append(" COMMENT '").append(comment.replace("'", "\\'")).append('\'');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "StructField(" + name + "," + dataType + "," + nullable + ")";
  }
}
