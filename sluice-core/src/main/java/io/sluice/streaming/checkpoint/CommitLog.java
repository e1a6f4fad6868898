package io.sluice.streaming.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The log {@code commits/<batchId>}: written once a batch's output is in the sink and its state is
 * committed, with the watermark the next batch runs with ({@code {"nextBatchWatermarkMs":0}}).
 */
public final class CommitLog extends BatchLog<Long> {

  public CommitLog(Path dir, boolean fsync) {
    super(dir, fsync);
  }

  @Override
  String serialize(Long nextBatchWatermarkMs) {
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeNumberField("nextBatchWatermarkMs", nextBatchWatermarkMs);
          g.writeEndObject();
        });
  }

  @Override
  Long deserialize(String body, Path file) {
    try {
      Map<String, String> m = Json.readObject(body.trim());
      return OffsetLog.number(m, "nextBatchWatermarkMs", file);
    } catch (IOException e) {
      throw CheckpointFiles.corrupt(file, "the commit entry is not valid JSON: " + e.getMessage());
    }
  }
}
