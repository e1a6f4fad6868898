package io.sluice.connector.file;

import io.sluice.Session;
import io.sluice.streaming.StreamingQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The child process of {@link FileSinkKillTest}: streams JSON files into the blocking JSON sink one
 * file per batch; once batch 0 is committed it moves {@code <staged file>} into the input, so batch
 * 1 reads it and blocks in the sink until the process is killed.
 *
 * <p>Arguments: input directory, output directory, checkpoint, staged file.
 */
public final class FileSinkKillMain {
  private FileSinkKillMain() {}

  public static void main(String[] args) throws Exception {
    Path in = Path.of(args[0]);
    Session session =
        Session.builder()
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .create();
    StreamingQuery q =
        session
            .readStream()
            .schema("id INT")
            .option("maxFilesPerTrigger", 1)
            .json(in.toString())
            .writeStream()
            .format("json-blocking-for-tests")
            .option("blockAtBatch", "1")
            .option("checkpointLocation", args[2])
            .start(args[1]);
    q.processAllAvailable();
    System.out.println("COMMITTED 0");
    System.out.flush();
    Path staged = Path.of(args[3]);
    Files.move(staged, in.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    q.awaitTermination();
  }
}
