package io.sluice.parquet;

import io.sluice.Session;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryListener;
import java.nio.file.Path;

/**
 * The child JVM of {@link ParquetSinkKillTest}: runs the windowed count into partitioned Parquet
 * and prints {@code COMMITTED <batchId>} after each batch, until it is killed.
 */
public final class ParquetSinkKillMain {
  private ParquetSinkKillMain() {}

  public static void main(String[] args) throws Exception {
    Session session = ParquetReadTest.sessionForTests();
    session
        .streams()
        .addListener(
            new StreamingQueryListener() {
              @Override
              public void onQueryStarted(QueryStartedEvent event) {}

              @Override
              public void onQueryProgress(QueryProgressEvent event) {
                System.out.println("COMMITTED " + event.progress().batchId());
                System.out.flush();
              }

              @Override
              public void onQueryTerminated(QueryTerminatedEvent event) {}
            });
    StreamingQuery q =
        ParquetSinkKillTest.start(session, Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    q.awaitTermination();
  }
}
