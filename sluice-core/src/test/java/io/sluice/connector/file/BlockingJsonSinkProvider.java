package io.sluice.connector.file;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.connector.StreamSinkProvider;
import io.sluice.connector.json.JsonDataSourceProvider;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * For the kill test only: the JSON file sink, except that from batch {@code blockAtBatch} on, each
 * output partition blocks for good once its files are written and renamed into place (before the
 * manifest entry), printing {@code BLOCKED <batchId>} when a partition that wrote a file blocks.
 * The process is then killed from outside.
 */
public final class BlockingJsonSinkProvider implements StreamSinkProvider {
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  @Override
  public String shortName() {
    return "json-blocking-for-tests";
  }

  @Override
  public StreamSink createSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx) {
    StreamSink json =
        new JsonDataSourceProvider().createSink(options, schema, partitionColumns, outputMode, ctx);
    long blockAt = Long.parseLong(options.getOrDefault("blockAtBatch", "0"));
    return new StreamSink() {
      @Override
      public String description() {
        return json.description();
      }

      @Override
      public void addBatch(long batchId, MicroBatchOutput data) {
        json.addBatch(batchId, batchId < blockAt ? data : blocking(batchId, data));
      }
    };
  }

  private static MicroBatchOutput blocking(long batchId, MicroBatchOutput data) {
    return new MicroBatchOutput() {
      @Override
      public StructType schema() {
        return data.schema();
      }

      @Override
      public <R> List<R> writePartitions(PartitionWriter<R> writer) {
        return data.writePartitions(
            (p, batches) -> {
              R written = writer.write(p, batches);
              if (written instanceof List<?> files && !files.isEmpty()) {
                System.out.println("BLOCKED " + batchId);
                System.out.flush();
              }
              try {
                NEVER.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return written;
            });
      }

      @Override
      public List<ColumnBatch> collect() {
        throw new UnsupportedOperationException("the file sink writes partitions");
      }
    };
  }
}
