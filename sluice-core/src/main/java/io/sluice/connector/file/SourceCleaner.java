package io.sluice.connector.file;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the streaming file source's {@code cleanSource} option does with a file once the batch that
 * read it is committed: move it under {@code sourceArchiveDir} keeping its absolute path ({@code
 * /in/a.json} goes to {@code <archive>/in/a.json}), or delete it. As in Spark, a file that cannot
 * be cleaned is logged and left in place: cleaning never fails a query.
 */
final class SourceCleaner {
  private static final Logger LOG = LoggerFactory.getLogger(SourceCleaner.class);

  private final Path archiveDir;

  private SourceCleaner(Path archiveDir) {
    this.archiveDir = archiveDir;
  }

  /** The cleaner the options ask for, or null for {@code cleanSource=off}. */
  static SourceCleaner of(FileStreamOptions o) {
    return switch (o.cleanSource) {
      case OFF -> null;
      case DELETE -> new SourceCleaner(null);
      case ARCHIVE -> new SourceCleaner(o.sourceArchiveDir);
    };
  }

  /** Where {@code archive} moves {@code file}. */
  static Path archivePath(Path archiveDir, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path rel = abs.getRoot() == null ? abs : abs.getRoot().relativize(abs);
    return archiveDir.resolve(rel.toString());
  }

  void clean(Path file) {
    try {
      if (archiveDir == null) {
        Files.deleteIfExists(file);
      } else {
        archive(file);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Could not {} the processed source file {}; it stays in place",
          archiveDir == null ? "delete" : "archive",
          file,
          e);
    }
  }

  private void archive(Path file) throws IOException {
    Path target = archivePath(archiveDir, file);
    if (!Files.exists(file)) return; // cleaned before a restart
    Files.createDirectories(target.getParent());
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(file, target);
    } catch (NoSuchFileException e) {
      // cleaned concurrently: nothing left to do
    } catch (FileAlreadyExistsException e) {
      LOG.warn("Could not archive {}: {} already exists", file, target);
    }
  }
}
