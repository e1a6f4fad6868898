package io.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

class DataFrameWriterTest {
  private final Session session = Session.builder().master("local[2]").getOrCreate();

  @Test
  void saveModesParseAsSparkNamesThem() {
    assertThat(SaveMode.fromName("APPEND")).isEqualTo(SaveMode.Append);
    assertThat(SaveMode.fromName("overwrite")).isEqualTo(SaveMode.Overwrite);
    assertThat(SaveMode.fromName("error")).isEqualTo(SaveMode.ErrorIfExists);
    assertThat(SaveMode.fromName("errorifexists")).isEqualTo(SaveMode.ErrorIfExists);
    assertThat(SaveMode.fromName("default")).isEqualTo(SaveMode.ErrorIfExists);
    assertThat(SaveMode.fromName("Ignore")).isEqualTo(SaveMode.Ignore);
    assertThatThrownBy(() -> SaveMode.fromName("upsert"))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("upsert")
        .hasMessageContaining("mode");
  }

  @Test
  void aFormatThatCannotWriteBatchesSaysWhichCan() {
    DataFrame df = session.range(3);
    assertThatThrownBy(() -> df.write().format("rate").save("/tmp/never"))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("rate")
        .hasMessageContaining("batch writes");
  }

  @Test
  void aPathOptionAndASavePathConflict() {
    DataFrame df = session.range(3);
    assertThatThrownBy(() -> df.write().option("path", "/tmp/a").save("/tmp/b"))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("path option");
  }

  @Test
  void streamingDataFramesCannotBeWrittenAsBatches() {
    DataFrame stream = session.readStream().format("rate").load();
    assertThatThrownBy(stream::write)
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("CALL_ON_STREAMING_DATASET_UNSUPPORTED")
        .hasMessageContaining("writeStream()");
  }
}
