package io.sluice.streaming.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** The checkpoint's {@code metadata} file: the query's id, {@code {"id":"<uuid>"}}. */
public final class StreamMetadata {
  private StreamMetadata() {}

  /** The id stored in {@code file}, or a new one written there when the file does not exist. */
  public static UUID readOrCreate(Path file) {
    if (Files.exists(file)) return read(file);
    UUID id = UUID.randomUUID();
    String text =
        Json.write(
            g -> {
              g.writeStartObject();
              g.writeStringField("id", id.toString());
              g.writeEndObject();
            });
    if (!CheckpointFiles.writeAtomically(file, text + "\n", false, false)) return read(file);
    return id;
  }

  private static UUID read(Path file) {
    String text = CheckpointFiles.read(file);
    String id;
    try {
      Map<String, String> m = Json.readObject(text.trim());
      id = m.get("id");
    } catch (IOException e) {
      throw CheckpointFiles.corrupt(file, "it is not the JSON object {\"id\": ...}");
    }
    if (id == null) throw CheckpointFiles.corrupt(file, "it has no \"id\"");
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw CheckpointFiles.corrupt(file, "the id '" + id + "' is not a UUID");
    }
  }
}
