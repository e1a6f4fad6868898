package io.sluice.types;

/** A type with a single fixed name and no parameters. */
abstract class AtomicType extends DataType {
  private final String typeName;
  private final String simple;
  private final String sql;
  private final int size;

  AtomicType(String typeName, String simple, String sql, int size) {
    this.typeName = typeName;
    this.simple = simple;
    this.sql = sql;
    this.size = size;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public String simpleString() {
    return simple;
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public int defaultSize() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
