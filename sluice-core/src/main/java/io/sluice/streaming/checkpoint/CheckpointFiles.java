package io.sluice.streaming.checkpoint;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Reading and atomically writing small checkpoint files, with errors that name the file. */
public final class CheckpointFiles {
  private CheckpointFiles() {}

  /**
   * Writes {@code text} to {@code target} through a hidden temporary file in the same directory
   * renamed into place, so readers see the whole file or none. Returns false, writing nothing, when
   * {@code target} already exists and {@code overwrite} is false.
   */
  public static boolean writeAtomically(
      Path target, String text, boolean overwrite, boolean fsync) {
    Path dir = target.getParent();
    Path tmp =
        dir.resolve(
            "."
                + target.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      Files.createDirectories(dir);
      if (!overwrite && Files.exists(target)) return false;
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) ch.write(buf);
        if (fsync) ch.force(true);
      }
      if (overwrite) {
        moveAtomically(tmp, target, true);
      } else {
        // a link fails when the target exists, so two writers of one batch cannot both win
        try {
          Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
          return false;
        } catch (UnsupportedOperationException | IOException e) {
          if (Files.exists(target)) return false;
          moveAtomically(tmp, target, false);
        }
      }
      if (fsync) syncDirectory(dir);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw ioError("write", target, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover hidden temp file is harmless; it is never read
      }
    }
  }

  private static void moveAtomically(Path tmp, Path target, boolean replace) throws IOException {
    try {
      if (replace) {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // not every platform can sync a directory; the file itself is on disk
    }
  }

  /** The file's text. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw corrupt(file, "it is not UTF-8 text");
    } catch (IOException e) {
      throw ioError("read", file, e);
    }
  }

  public static SluiceRuntimeException corrupt(Path file, String reason) {
    return new SluiceRuntimeException(
        ErrorClass.CHECKPOINT_FILE_CORRUPT,
        SluiceException.params("path", file.toString(), "reason", reason));
  }

  public static SluiceRuntimeException ioError(String operation, Path file, IOException e) {
    return new SluiceRuntimeException(
        ErrorClass.CHECKPOINT_IO_ERROR,
        SluiceException.params(
            "operation", operation, "path", file.toString(), "reason", String.valueOf(e)),
        e);
  }
}
