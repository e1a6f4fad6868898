package io.sluice.connector.file;

import java.nio.file.Path;

/** One data file found for a source: its absolute path, size and modification time. */
public record SourceFile(Path path, long length, long modificationTime) {
  /** The path as Spark prints it, e.g. {@code file:/data/events/part-0.json}. */
  public String uri() {
    return FileListing.qualified(path);
  }
}
