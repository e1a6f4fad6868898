package io.sluice.connector.file;

import io.sluice.SaveMode;
import io.sluice.config.SQLConf;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.SinkContext;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A batch write of a file format ({@code df.write().format(f).mode(m).partitionBy(..).save(p)}), as
 * Spark's file writes: {@code append} adds files, {@code overwrite} replaces the data in the
 * directory, {@code errorifexists} fails with {@code PATH_ALREADY_EXISTS} when the path exists,
 * {@code ignore} then writes nothing. Tasks write in parallel into a hidden staging directory; when
 * all are done the files move into place (after an overwrite removed the old ones) and an empty
 * {@code _SUCCESS} marks the directory complete. A failed write leaves no visible file.
 */
public final class BatchFileWriter {
  /** The marker a successful write leaves in the output directory, as Spark's. */
  public static final String SUCCESS_MARKER = "_SUCCESS";

  private BatchFileWriter() {}

  /**
   * Writes every row of {@code data} in the format of {@code writerFormat}; errors name the option
   * at fault before anything is written.
   */
  public static void write(
      String format,
      Map<String, String> options,
      List<String> partitionColumns,
      SaveMode mode,
      MicroBatchOutput data,
      SinkContext ctx,
      WriterFormat writerFormat) {
    SourceOptions so = new SourceOptions(options);
    String path = so.get("path").orElse(null);
    if (path == null || path.isBlank()) {
      throw so.invalid("path", "(none)", "a " + format + " write needs a path: save(path)");
    }
    FileWriteLayout layout =
        FileWriteLayout.of(
            path, data.schema(), partitionColumns, so, ctx.conf(), writerFormat, so::invalid);
    boolean dynamic = dynamicOverwrite(so, ctx, layout);
    Path root = layout.root();
    boolean exists = Files.exists(root);
    switch (mode) {
      case ErrorIfExists -> {
        if (exists) {
          throw new io.sluice.AnalysisException(
              ErrorClass.PATH_ALREADY_EXISTS,
              SluiceException.params("outputPath", FileListing.qualified(root)));
        }
      }
      case Ignore -> {
        if (exists) return;
      }
      case Overwrite -> {
        if (exists && !Files.isDirectory(root)) delete(layout, root);
      }
      case Append -> {
        if (exists && !Files.isDirectory(root)) {
          throw so.invalid("path", path, "it is a file; a write needs a directory");
        }
      }
    }
    FileWriteJob job = new FileWriteJob(layout);
    List<FileWriteJob.StagedFile> staged = job.writeAll(data);
    try {
      if (staged.isEmpty() && !layout.partitioned()) staged = job.writeEmpty();
      if (mode == SaveMode.Overwrite) {
        if (dynamic) {
          removePartitions(root, staged);
        } else {
          removeData(root);
        }
      }
    } catch (IOException e) {
      job.abort();
      throw failure(layout, e);
    } catch (RuntimeException e) {
      job.abort();
      throw e;
    }
    job.commit(staged);
    try {
      Files.createDirectories(root);
      Files.write(root.resolve(SUCCESS_MARKER), new byte[0]);
    } catch (IOException e) {
      throw failure(layout, e);
    }
  }

  /**
   * Whether an overwrite replaces only the partitions written: option or conf {@code
   * partitionOverwriteMode} {@code dynamic}, for a partitioned write.
   */
  private static boolean dynamicOverwrite(
      SourceOptions so, SinkContext ctx, FileWriteLayout layout) {
    String conf = ctx.conf().get(SQLConf.PARTITION_OVERWRITE_MODE);
    String mode = so.getString("partitionOverwriteMode", conf).trim();
    if (!mode.equalsIgnoreCase("static") && !mode.equalsIgnoreCase("dynamic")) {
      throw so.invalid("partitionOverwriteMode", mode, "it must be static or dynamic");
    }
    return mode.equalsIgnoreCase("dynamic") && layout.partitioned();
  }

  /** Deletes the partition directories the staged files go to (a dynamic overwrite). */
  private static void removePartitions(Path root, List<FileWriteJob.StagedFile> staged)
      throws IOException {
    Set<String> dirs = new TreeSet<>();
    for (FileWriteJob.StagedFile f : staged) {
      int slash = f.relative().lastIndexOf('/');
      if (slash > 0) dirs.add(f.relative().substring(0, slash));
    }
    for (String d : dirs) {
      Path dir = root.resolve(d);
      FileWriteJob.deleteTree(dir);
      if (Files.exists(dir)) throw new IOException("cannot delete " + dir);
    }
  }

  /** Deletes what an overwrite replaces: everything in the directory but running writes. */
  private static void removeData(Path root) throws IOException {
    for (Path p : FileWriteJob.children(root)) {
      if (p.getFileName().toString().equals(FileWriteJob.STAGING)) continue;
      if (Files.isDirectory(p)) {
        FileWriteJob.deleteTree(p);
        if (Files.exists(p)) throw new IOException("cannot delete " + p);
      } else {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void delete(FileWriteLayout layout, Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw failure(layout, e);
    }
  }

  private static SluiceRuntimeException failure(FileWriteLayout layout, Exception e) {
    return new SluiceRuntimeException(
        ErrorClass.TASK_WRITE_FAILED, layout.failureParams(String.valueOf(e)), e);
  }
}
