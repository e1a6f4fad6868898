package io.sluice.parquet;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.CountingOutputStream;
import io.sluice.connector.file.RecordWriter;
import io.sluice.connector.file.RecordWriterFactory;
import io.sluice.connector.file.SourceOptions;
import io.sluice.connector.file.WriterFormat;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Writing Parquet files: the write options checked once, then one parquet-java writer per file over
 * the stream the file sink opened. Options: {@code compression} (default the session's {@code
 * sluice.sql.parquet.compression.codec}, snappy): none, uncompressed, snappy, gzip, zstd, lz4
 * (Hadoop-framed LZ4, as Spark), lz4_raw; {@code parquet.block.size} (row group bytes, 128 MB),
 * {@code parquet.page.size} (1 MB), {@code parquet.block.row.count.limit}, {@code
 * parquet.enable.dictionary} (true).
 */
public final class ParquetWriterFormat implements WriterFormat {
  static final String COMPRESSION_CONF = "sluice.sql.parquet.compression.codec";

  @Override
  public RecordWriterFactory writers(StructType dataSchema, SourceOptions o, SQLConf conf) {
    CompressionCodecName codec = codec(o, conf);
    long blockSize = positive(o, "parquet.block.size", 128L * 1024 * 1024);
    int pageSize = (int) positive(o, "parquet.page.size", 1024 * 1024);
    int rowLimit = (int) positive(o, "parquet.block.row.count.limit", Integer.MAX_VALUE);
    boolean dictionary = o.getBoolean("parquet.enable.dictionary", true);
    MessageType message = ParquetSchemas.toParquet(dataSchema);
    String ext = codec.getExtension();
    String extension = (ext.isEmpty() ? "" : ext.substring(1) + ".") + "parquet";
    return new RecordWriterFactory() {
      @Override
      public RecordWriter open(OutputStream out) throws IOException {
        StreamOutputFile file = new StreamOutputFile(out);
        ParquetWriter<VectorWriteSupport.Row> w =
            new Builder(file, new VectorWriteSupport(dataSchema, message))
                .withConf(HadoopConf.EMPTY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(codec)
                .withRowGroupSize(blockSize)
                .withPageSize(pageSize)
                .withRowGroupRowCountLimit(rowLimit)
                .withDictionaryEncoding(dictionary)
                .build();
        return new FileWriter(w, file.counted);
      }

      @Override
      public String extension() {
        return extension;
      }
    };
  }

  /** The codec of the {@code compression} option (or the session default); errors name it. */
  static CompressionCodecName codec(SourceOptions o, SQLConf conf) {
    String key = o.contains("compression") ? "compression" : "parquet.compression";
    String dflt = conf.getString(COMPRESSION_CONF).orElse("snappy");
    String name = o.get(key).orElse(dflt);
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "none", "uncompressed" -> CompressionCodecName.UNCOMPRESSED;
      case "snappy" -> CompressionCodecName.SNAPPY;
      case "gzip" -> CompressionCodecName.GZIP;
      case "zstd" -> CompressionCodecName.ZSTD;
      case "lz4" -> CompressionCodecName.LZ4;
      case "lz4_raw", "lz4raw" -> CompressionCodecName.LZ4_RAW;
      default ->
          throw o.invalid(
              o.get(key).isPresent() ? key : COMPRESSION_CONF,
              name,
              "Parquet compression must be one of none, uncompressed, snappy, gzip, zstd, lz4,"
                  + " lz4_raw");
    };
  }

  private static long positive(SourceOptions o, String key, long dflt) {
    long v = o.getBytes(key, dflt);
    if (v <= 0) throw o.invalid(key, o.get(key).orElse(""), "it must be positive");
    return v;
  }

  /** One file: rows of each batch go through the write support; the footer on finish. */
  private static final class FileWriter implements RecordWriter {
    private final ParquetWriter<VectorWriteSupport.Row> writer;
    private final CountingOutputStream counted;
    private final VectorWriteSupport.Row row = new VectorWriteSupport.Row();

    FileWriter(ParquetWriter<VectorWriteSupport.Row> writer, CountingOutputStream counted) {
      this.writer = writer;
      this.counted = counted;
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
      row.batch = batch;
      for (int r = 0, n = batch.numRows(); r < n; r++) {
        row.row = r;
        writer.write(row);
      }
      row.batch = null;
    }

    /** The row group being built, as parquet-java estimates its size before encoding. */
    @Override
    public long pendingBytes() {
      return Math.max(0, writer.getDataSize() - counted.count());
    }

    @Override
    public void finish() throws IOException {
      writer.close();
    }
  }

  private static final class Builder
      extends ParquetWriter.Builder<VectorWriteSupport.Row, Builder> {
    private final VectorWriteSupport support;

    Builder(OutputFile file, VectorWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in the builder: must be implemented
    protected WriteSupport<VectorWriteSupport.Row> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<VectorWriteSupport.Row> getWriteSupport(
        org.apache.parquet.conf.ParquetConfiguration conf) {
      return support;
    }
  }

  /**
   * The sink's stream as a Parquet output file: the bytes written so far are the writer's position;
   * closing it only flushes, since the sink closes the stream it opened.
   */
  private static final class StreamOutputFile implements OutputFile {
    final CountingOutputStream counted;

    StreamOutputFile(OutputStream out) {
      this.counted = new CountingOutputStream(out);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return counted.count();
        }

        @Override
        public void write(int b) throws IOException {
          counted.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          counted.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
          counted.flush();
        }

        @Override
        public void close() throws IOException {
          counted.flush();
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
