package io.sluice.streaming.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetLogFormatTest {
  @Test
  void offsetEntriesAreSparksTextFormat(@TempDir Path dir) throws Exception {
    OffsetLog log = new OffsetLog(dir.resolve("offsets"), false);
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("sluice.sql.shuffle.partitions", "2");
    conf.put("sluice.sql.streaming.multipleWatermarkPolicy", "min");
    log.add(
        3,
        new OffsetSeq(Arrays.asList("{\"logOffset\":7}", null, "42"), 1000, 1700000000123L, conf));
    assertThat(Files.readString(dir.resolve("offsets/3")))
        .isEqualTo(
            "v1\n"
                + "{\"batchWatermarkMs\":1000,\"batchTimestampMs\":1700000000123,\"conf\":"
                + "{\"sluice.sql.shuffle.partitions\":\"2\","
                + "\"sluice.sql.streaming.multipleWatermarkPolicy\":\"min\"}}\n"
                + "{\"logOffset\":7}\n"
                + "-\n"
                + "42");
  }

  @Test
  void confValuesNeedingEscapesReadBackUnchanged(@TempDir Path dir) {
    OffsetLog log = new OffsetLog(dir.resolve("offsets"), false);
    String odd = "a\"b\\c\nd\te\u0001f é";
    OffsetSeq seq = new OffsetSeq(Arrays.asList("1"), 0, 5, Map.of("k\"", odd));
    log.add(0, seq);
    assertThat(log.get(0)).isEqualTo(seq);
  }

  @Test
  void commitEntriesHoldTheNextWatermark(@TempDir Path dir) throws Exception {
    CommitLog log = new CommitLog(dir.resolve("commits"), false);
    log.add(0, -5L);
    assertThat(Files.readString(dir.resolve("commits/0")))
        .isEqualTo("v1\n{\"nextBatchWatermarkMs\":-5}");
    assertThat(log.get(0)).isEqualTo(-5L);
  }
}
