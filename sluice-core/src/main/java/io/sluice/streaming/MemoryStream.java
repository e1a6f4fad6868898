package io.sluice.streaming;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.SessionInternals;
import io.sluice.connector.LongOffset;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.StreamSourceDefinition;
import io.sluice.connector.memory.MemoryStreamSource;
import io.sluice.internal.RowConverter;
import io.sluice.plan.logical.StreamingRelation;
import io.sluice.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A streaming source fed by hand, for tests, as Spark's {@code MemoryStream}: rows added with
 * {@link #addData} form one block each call, and a query reads the blocks added since its last
 * batch. Offsets count blocks from 0; a new stream is at offset -1.
 */
public final class MemoryStream {
  private static final AtomicInteger IDS = new AtomicInteger();

  private final Session session;
  private final MemoryStreamSource source;
  private final RowConverter converter;
  private final DataFrame df;

  private MemoryStream(Session session, StructType schema) {
    this.session = session;
    this.source = new MemoryStreamSource("MemoryStream-" + IDS.getAndIncrement(), schema);
    this.converter = RowConverter.toInternal(schema, SessionInternals.conf(session).ansiEnabled());
    StreamingRelation relation = StreamingRelation.of(definition());
    this.df = SessionInternals.dataFrame(session, relation);
  }

  /** A stream of rows of {@code schema}. */
  public static MemoryStream of(Session session, StructType schema) {
    return new MemoryStream(session, schema);
  }

  /** A stream of rows of the DDL schema, e.g. {@code "user STRING, ts TIMESTAMP"}. */
  public static MemoryStream of(Session session, String schemaDdl) {
    return of(session, StructType.fromDDL(schemaDdl));
  }

  /** The streaming DataFrame of this stream (the same one on every call). */
  public DataFrame toDF() {
    return df;
  }

  public StructType schema() {
    return source.schema();
  }

  /** Adds rows (external values, as {@link Row} holds them) as one block; returns its offset. */
  public LongOffset addData(Row... rows) {
    return addData(Arrays.asList(rows));
  }

  /** Adds rows as one block; returns its offset. */
  public LongOffset addData(List<Row> rows) {
    int batchSize = SessionInternals.conf(session).batchSize();
    return source.add(converter.toBatches(rows, batchSize));
  }

  /** The offset of the last block added, -1 when none. */
  public LongOffset latestOffset() {
    return source.latest();
  }

  @Override
  public String toString() {
    return source.name();
  }

  private StreamSourceDefinition definition() {
    return new StreamSourceDefinition() {
      @Override
      public String name() {
        return "memory";
      }

      @Override
      public String description() {
        return source.name();
      }

      @Override
      public StructType schema() {
        return source.schema();
      }

      @Override
      public MicroBatchStream create(String metadataPath) {
        return source.stream();
      }
    };
  }
}
