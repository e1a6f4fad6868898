package io.sluice.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.SaveMode;
import io.sluice.config.SQLConf;
import io.sluice.connector.SinkContext;
import io.sluice.error.SluiceException;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A format without a writer (writerFormat() null) refuses writes, naming the format. */
class ReadOnlyFormatTest {
  private static final class ReadOnly extends FileFormatProvider<FileSourceOptions> {
    @Override
    public String shortName() {
      return "readonly";
    }

    @Override
    protected FileSourceOptions readOptions(SourceOptions options, SQLConf conf) {
      return new FileSourceOptions(options, conf, 0) {};
    }

    @Override
    protected FileBatchScan scan(
        String description, FileIndex index, StructType userSchema, FileSourceOptions o) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void writesToAReadOnlyFormatFailWithUnsupportedDataSourceOperation() {
    ReadOnly f = new ReadOnly();
    SinkContext ctx = new SinkContext(new SQLConf(2), null, null);
    assertThatThrownBy(() -> f.write(Map.of("path", "/x"), List.of(), SaveMode.Append, null, ctx))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_DATA_SOURCE_OPERATION");
              assertThat(e.getMessageParameters()).containsEntry("format", "readonly");
            });
    assertThatThrownBy(
            () ->
                f.createSink(
                    Map.of("path", "/x"), new StructType(), List.of(), OutputMode.APPEND, ctx))
        .hasMessageContaining("streaming writes");
  }
}
