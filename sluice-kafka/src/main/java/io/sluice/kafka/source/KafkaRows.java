package io.sluice.kafka.source;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The rows of a Kafka source, as Spark's: key, value, topic, partition, offset, timestamp,
 * timestampType, and headers with {@code includeHeaders}; and how records fill their column
 * vectors, one column at a time.
 */
final class KafkaRows {
  /** A column of the Kafka schema. */
  enum Column {
    KEY,
    VALUE,
    TOPIC,
    PARTITION,
    OFFSET,
    TIMESTAMP,
    TIMESTAMP_TYPE,
    HEADERS
  }

  static final StructType HEADER =
      new StructType(
          new StructField[] {
            new StructField("key", DataTypes.StringType, true),
            new StructField("value", DataTypes.BinaryType, true)
          });

  private static final StructType WITHOUT_HEADERS = build(false);
  private static final StructType WITH_HEADERS = build(true);

  private KafkaRows() {}

  /** The source's schema. */
  static StructType schema(boolean includeHeaders) {
    return includeHeaders ? WITH_HEADERS : WITHOUT_HEADERS;
  }

  private static StructType build(boolean headers) {
    StructField[] f = new StructField[headers ? 8 : 7];
    f[0] = new StructField("key", DataTypes.BinaryType, true);
    f[1] = new StructField("value", DataTypes.BinaryType, true);
    f[2] = new StructField("topic", DataTypes.StringType, true);
    f[3] = new StructField("partition", DataTypes.IntegerType, true);
    f[4] = new StructField("offset", DataTypes.LongType, true);
    f[5] = new StructField("timestamp", DataTypes.TimestampType, true);
    f[6] = new StructField("timestampType", DataTypes.IntegerType, true);
    if (headers) f[7] = new StructField("headers", new ArrayType(HEADER, true), true);
    return new StructType(f);
  }

  /** The columns of {@code readSchema} (a projection of the source's schema), in its order. */
  static Column[] columns(StructType readSchema) {
    StructField[] fields = readSchema.fields();
    Column[] out = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] =
          switch (fields[i].name().toLowerCase(Locale.ROOT)) {
            case "key" -> Column.KEY;
            case "value" -> Column.VALUE;
            case "topic" -> Column.TOPIC;
            case "partition" -> Column.PARTITION;
            case "offset" -> Column.OFFSET;
            case "timestamp" -> Column.TIMESTAMP;
            case "timestamptype" -> Column.TIMESTAMP_TYPE;
            case "headers" -> Column.HEADERS;
            default ->
                throw new IllegalArgumentException("not a Kafka column: " + fields[i].name());
          };
    }
    return out;
  }

  /** A vector of column {@code c} holding {@code records[0..n)}. */
  static ColumnVector fill(
      Column c, StructField field, ConsumerRecord<ByteBuffer, ByteBuffer>[] records, int n) {
    return switch (c) {
      case KEY -> bytes(field, records, n, true);
      case VALUE -> bytes(field, records, n, false);
      case TOPIC -> topic(field, records, n);
      case PARTITION -> {
        int[] v = new int[Math.max(n, 1)];
        java.util.Arrays.fill(v, 0, n, records[0].partition());
        yield new IntVector(field.dataType(), v, null, n);
      }
      case OFFSET -> {
        long[] v = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) v[i] = records[i].offset();
        yield new LongVector(field.dataType(), v, null, n);
      }
      case TIMESTAMP -> {
        long[] v = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) v[i] = records[i].timestamp() * 1000L;
        yield new LongVector(field.dataType(), v, null, n);
      }
      case TIMESTAMP_TYPE -> {
        int[] v = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) v[i] = records[i].timestampType().id;
        yield new IntVector(field.dataType(), v, null, n);
      }
      case HEADERS -> headers(field, records, n);
    };
  }

  /**
   * Keys or values: each record's bytes are a view of the fetched data (ByteBufferDeserializer),
   * copied once, straight into the vector.
   */
  private static ColumnVector bytes(
      StructField field, ConsumerRecord<ByteBuffer, ByteBuffer>[] records, int n, boolean key) {
    int total = 0;
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      ByteBuffer b = key ? records[i].key() : records[i].value();
      if (b == null) {
        if (nulls == null) nulls = new boolean[n];
        nulls[i] = true;
      } else {
        total += b.remaining();
      }
    }
    byte[] data = new byte[Math.max(total, 1)];
    int[] offsets = new int[n + 1];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      ByteBuffer b = key ? records[i].key() : records[i].value();
      if (b != null) {
        int len = b.remaining();
        b.get(b.position(), data, pos, len);
        pos += len;
      }
      offsets[i + 1] = pos;
    }
    return new BytesVector(field.dataType(), data, offsets, nulls, n);
  }

  private static ColumnVector topic(
      StructField field, ConsumerRecord<ByteBuffer, ByteBuffer>[] records, int n) {
    byte[] t = n == 0 ? new byte[0] : records[0].topic().getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[Math.max(t.length * n, 1)];
    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(t, 0, data, i * t.length, t.length);
      offsets[i + 1] = (i + 1) * t.length;
    }
    return new BytesVector(field.dataType(), data, offsets, null, n);
  }

  /** Headers as {@code array<struct<key,value>>}; null for a record without headers, as Spark. */
  private static ColumnVector headers(
      StructField field, ConsumerRecord<ByteBuffer, ByteBuffer>[] records, int n) {
    ArrayVector out = new ArrayVector((ArrayType) field.dataType(), n);
    StructVector elements = (StructVector) out.elements();
    BytesVector keys = (BytesVector) elements.child(0);
    BytesVector values = (BytesVector) elements.child(1);
    for (int i = 0; i < n; i++) {
      Headers hs = records[i].headers();
      Header[] arr = hs.toArray();
      if (arr.length == 0) {
        out.appendNull();
        continue;
      }
      for (Header h : arr) {
        keys.appendString(h.key());
        byte[] v = h.value();
        if (v == null) values.appendNull();
        else values.appendBytes(v);
        elements.appendRowOfChildren(false);
      }
      out.commitRow();
    }
    return out;
  }
}
