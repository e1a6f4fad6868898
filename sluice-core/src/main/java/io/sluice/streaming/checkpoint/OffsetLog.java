package io.sluice.streaming.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The write-ahead log {@code offsets/<batchId>}: written before a batch runs, so a restart re-runs
 * an uncommitted batch over exactly the same input. The format is Spark's: the version line, a JSON
 * metadata line, then one line per source with its offset JSON ({@code -} for none).
 */
public final class OffsetLog extends BatchLog<OffsetSeq> {

  public OffsetLog(Path dir, boolean fsync) {
    super(dir, fsync);
  }

  @Override
  String serialize(OffsetSeq e) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        Json.write(
            g -> {
              g.writeStartObject();
              g.writeNumberField("batchWatermarkMs", e.batchWatermarkMs());
              g.writeNumberField("batchTimestampMs", e.batchTimestampMs());
              g.writeObjectFieldStart("conf");
              for (Map.Entry<String, String> c : e.conf().entrySet()) {
                g.writeStringField(c.getKey(), c.getValue());
              }
              g.writeEndObject();
              g.writeEndObject();
            }));
    for (String o : e.offsets()) {
      sb.append('\n').append(o == null ? "-" : o);
    }
    return sb.toString();
  }

  @Override
  OffsetSeq deserialize(String body, Path file) {
    String[] lines = body.split("\n", -1);
    if (lines.length < 1 || lines[0].isBlank()) {
      throw CheckpointFiles.corrupt(file, "the metadata line after the version is missing");
    }
    Map<String, String> meta;
    Map<String, String> conf;
    try {
      meta = Json.readObject(lines[0]);
      String c = meta.get("conf");
      conf = c == null ? Map.of() : Json.readObject(c);
    } catch (IOException ex) {
      throw CheckpointFiles.corrupt(
          file, "the metadata line is not valid JSON: " + ex.getMessage());
    }
    long wm = number(meta, "batchWatermarkMs", file);
    long ts = number(meta, "batchTimestampMs", file);
    List<String> offsets = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i];
      if (i == lines.length - 1 && l.isEmpty()) break;
      offsets.add(l.equals("-") ? null : l);
    }
    return new OffsetSeq(offsets, wm, ts, conf);
  }

  static long number(Map<String, String> obj, String key, Path file) {
    String v = obj.get(key);
    if (v == null) return 0;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw CheckpointFiles.corrupt(file, "'" + key + "' must be a number, found " + v);
    }
  }
}
