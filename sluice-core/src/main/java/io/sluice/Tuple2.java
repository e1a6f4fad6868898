package io.sluice;

/**
 * A pair, standing in for {@code scala.Tuple2} where Spark's Java API returns one (e.g. {@link
 * DataFrame#dtypes()}).
 *
 * @param _1 the first element
 * @param _2 the second element
 */
@SuppressWarnings("checkstyle:MethodName")
public record Tuple2<A, B>(A _1, B _2) {
  /** Spark's form: {@code (a,IntegerType)}. */
  @Override
  public String toString() {
    return "(" + _1 + "," + _2 + ")";
  }
}
