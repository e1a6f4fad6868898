package io.sluice.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Converters that do nothing, in the shape of a schema: parquet-java's column read store asks for
 * one per column, but Sluice takes the values from the column readers itself.
 */
final class NoopConverters {
  static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {};

  private NoopConverters() {}

  static GroupConverter of(GroupType g) {
    Converter[] children = new Converter[g.getFieldCount()];
    for (int i = 0; i < children.length; i++) {
      Type t = g.getType(i);
      children[i] = t.isPrimitive() ? PRIMITIVE : of(t.asGroupType());
    }
    return new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return children[fieldIndex];
      }

      @Override
      public void start() {}

      @Override
      public void end() {}
    };
  }
}
