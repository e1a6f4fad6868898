package io.sluice.connector.rate;

import io.sluice.streaming.checkpoint.CheckpointFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start time of a {@code rate} source, kept in its checkpoint directory so a restarted query
 * numbers its rows from the same instant. The file is {@code <metadataPath>/0} with Spark's text:
 * {@code v1}, a newline, then the start time in epoch milliseconds.
 */
final class RateStartTime {
  private static final String VERSION = "v1";

  private RateStartTime() {}

  /** The recorded start time, or {@code nowMs} recorded as the start when there is none yet. */
  static long readOrCreate(Path metadataPath, long nowMs, boolean fsync) {
    Path file = metadataPath.resolve("0");
    if (!Files.exists(file)) {
      if (CheckpointFiles.writeAtomically(file, VERSION + "\n" + nowMs, false, fsync)) {
        return nowMs;
      }
      // another writer got there first: read what it wrote
    }
    return parse(file, CheckpointFiles.read(file));
  }

  private static long parse(Path file, String text) {
    int newline = text.indexOf('\n');
    if (!text.startsWith("v") || newline < 0) {
      throw CheckpointFiles.corrupt(
          file, "the rate source's start time must be 'v1', a newline, then epoch milliseconds");
    }
    String version = text.substring(0, newline).trim();
    if (!version.equals(VERSION)) {
      throw CheckpointFiles.corrupt(
          file,
          "it was written in format "
              + version
              + " but this version reads only "
              + VERSION
              + " (was it written by a newer version?)");
    }
    try {
      return Long.parseLong(text.substring(newline + 1).trim());
    } catch (NumberFormatException e) {
      throw CheckpointFiles.corrupt(
          file, "the rate source's start time is not a number of milliseconds");
    }
  }
}
