package io.sluice.kafka.sink;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.IntegerType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;

/**
 * Where the record's parts are among the columns the sink receives (-1: absent), checked against
 * Spark's contract when the query starts: {@code value} STRING or BINARY (required), {@code key}
 * STRING or BINARY, {@code topic} STRING (required unless the {@code topic} option is set, which
 * then wins), {@code partition} INT, {@code headers} ARRAY&lt;STRUCT&lt;key STRING, value
 * BINARY&gt;&gt;. Other columns are ignored. Names match exactly, as Spark's.
 */
record KafkaRowLayout(int value, int key, int topic, int partition, int headers) {
  static final String VALUE = "value";
  static final String KEY = "key";
  static final String TOPIC = "topic";
  static final String PARTITION = "partition";
  static final String HEADERS = "headers";

  private static final String STRING_OR_BINARY = "a STRING or a BINARY";

  /** The layout of {@code schema}; {@code topicOption} null when the option is not set. */
  static KafkaRowLayout resolve(StructType schema, String topicOption) {
    int topic = -1;
    if (topicOption == null) {
      topic = find(schema, TOPIC);
      if (topic < 0) {
        throw missing(
            schema,
            TOPIC,
            "STRING",
            "topic option required when no 'topic' attribute is present. Use the topic option"
                + " for setting a topic.");
      }
      if (!(type(schema, topic) instanceof StringType)) {
        throw wrongType(schema, topic, "a STRING", "cast it with CAST(topic AS STRING)");
      }
    }
    int key = find(schema, KEY);
    if (key >= 0 && !isStringOrBinary(type(schema, key))) {
      throw wrongType(schema, key, STRING_OR_BINARY, "cast it with CAST(key AS STRING)");
    }
    int value = find(schema, VALUE);
    if (value < 0) {
      throw missing(
          schema,
          VALUE,
          "STRING or BINARY",
          "Name the column holding the record value 'value', e.g. to_json(struct(*)) AS value.");
    }
    if (!isStringOrBinary(type(schema, value))) {
      throw wrongType(
          schema, value, STRING_OR_BINARY, "cast it with CAST(value AS STRING) or to_json");
    }
    int partition = find(schema, PARTITION);
    if (partition >= 0 && !(type(schema, partition) instanceof IntegerType)) {
      throw wrongType(schema, partition, "an INT", "cast it with CAST(partition AS INT)");
    }
    int headers = find(schema, HEADERS);
    if (headers >= 0 && !isHeadersType(type(schema, headers))) {
      throw wrongType(
          schema,
          headers,
          "an ARRAY<STRUCT<key: STRING, value: BINARY>>",
          "build it with array(struct(k AS key, CAST(v AS BINARY) AS value), ...)");
    }
    return new KafkaRowLayout(value, key, topic, partition, headers);
  }

  private static int find(StructType schema, String name) {
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().equals(name)) return i;
    }
    return -1;
  }

  private static DataType type(StructType schema, int ordinal) {
    return schema.fields()[ordinal].dataType();
  }

  private static boolean isStringOrBinary(DataType t) {
    return t instanceof StringType || t instanceof BinaryType;
  }

  /** The headers type, nullability aside (an array built from literals has non-null fields). */
  static boolean isHeadersType(DataType t) {
    if (!(t instanceof ArrayType a) || !(a.elementType() instanceof StructType s)) return false;
    StructField[] f = s.fields();
    return f.length == 2
        && f[0].name().equals(KEY)
        && f[0].dataType() instanceof StringType
        && f[1].name().equals(VALUE)
        && f[1].dataType() instanceof BinaryType;
  }

  private static AnalysisException missing(
      StructType schema, String column, String expectedType, String hint) {
    return new AnalysisException(
        ErrorClass.KAFKA_SINK_MISSING_COLUMN,
        SluiceException.params(
            "column",
            column,
            "expectedType",
            expectedType,
            "hint",
            hint,
            "columns",
            String.join(", ", schema.fieldNames())));
  }

  private static AnalysisException wrongType(
      StructType schema, int ordinal, String expected, String hint) {
    StructField f = schema.fields()[ordinal];
    return new AnalysisException(
        ErrorClass.KAFKA_SINK_COLUMN_TYPE,
        SluiceException.params(
            "column",
            f.name(),
            "actualType",
            f.dataType().catalogString(),
            "expectedType",
            expected,
            "hint",
            hint));
  }
}
