package io.sluice.connector.file;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceRuntimeException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One file write: a batch write, or one micro-batch of the file sink. Its tasks ({@link
 * PartitionFileWriter}) write into the hidden staging directory {@code <output>/_temporary/<job
 * uuid>/} with the layout the files will have; when every task is done, {@link #commit} moves the
 * files into place, and on failure {@link #abort} removes the staging directory, so no file of a
 * failed write is ever visible.
 */
final class FileWriteJob {
  /** The hidden directory of the staging directories of running writes. */
  static final String STAGING = "_temporary";

  /** A file written by a task, not yet in place; {@code relative} is its path in the output. */
  record StagedFile(String relative, Path staged, long rows) {}

  /** A file moved into place. */
  record CommittedFile(Path path, long size, long modificationTime, long rows) {}

  private final FileWriteLayout layout;
  private final String id;
  private final Path staging;

  FileWriteJob(FileWriteLayout layout) {
    this.layout = layout;
    this.id = UUID.randomUUID().toString();
    this.staging = layout.root().resolve(STAGING).resolve(id);
  }

  String id() {
    return id;
  }

  /** The staging path of the output file {@code relative}, its directory created. */
  Path stage(String relative) throws IOException {
    Path p = staging.resolve(relative);
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createDirectories(p.getParent());
        return p;
      } catch (NoSuchFileException e) {
        // another write removed the empty _temporary directory between our two mkdirs
        if (attempt == 3) throw e;
      }
    }
  }

  /** Runs the tasks over every partition of {@code data}; on failure aborts the job. */
  List<StagedFile> writeAll(MicroBatchOutput data) {
    boolean ok = false;
    try {
      List<List<StagedFile>> perTask =
          data.writePartitions(
              (p, batches) -> new PartitionFileWriter(layout, this, p).write(batches));
      List<StagedFile> all = new ArrayList<>();
      for (List<StagedFile> t : perTask) all.addAll(t);
      ok = true;
      return all;
    } finally {
      if (!ok) abort();
    }
  }

  /** One file without rows, staged (a write of no rows leaves one, as Spark's does). */
  List<StagedFile> writeEmpty() {
    return new PartitionFileWriter(layout, this, 0).writeEmpty();
  }

  /**
   * Moves the staged files into place and removes the staging directory; on failure removes what it
   * moved and aborts.
   */
  List<CommittedFile> commit(List<StagedFile> files) {
    List<CommittedFile> out = new ArrayList<>(files.size());
    boolean ok = false;
    try {
      for (StagedFile f : files) {
        Path target = layout.root().resolve(f.relative());
        Files.createDirectories(target.getParent());
        move(f.staged(), target);
        BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
        out.add(new CommittedFile(target, a.size(), a.lastModifiedTime().toMillis(), f.rows()));
      }
      ok = true;
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.TASK_WRITE_FAILED, layout.failureParams(String.valueOf(e)), e);
    } finally {
      if (!ok) {
        for (CommittedFile c : out) deleteQuietly(c.path());
        abort();
      }
    }
    removeStaging();
    return out;
  }

  /** Removes every staged file of the job. */
  void abort() {
    deleteTree(staging);
    removeStaging();
  }

  private void removeStaging() {
    deleteTree(staging);
    try {
      Files.deleteIfExists(staging.getParent()); // only when no other write is staging there
    } catch (IOException ignored) {
      // another write is using it
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a directory tree, ignoring what is already gone. */
  static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) deleteQuietly(p);
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // a tree being deleted concurrently; what is left is hidden
    }
  }

  /** The entries of a directory (empty when it does not exist). */
  static List<Path> children(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) out.add(p);
    } catch (NoSuchFileException e) {
      return out;
    }
    return out;
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // left behind; hidden or harmless
    }
  }
}
