package io.sluice.kafka;

import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryListener;
import io.sluice.testing.TestSessions;
import java.nio.file.Path;

/**
 * The child JVM of {@link KafkaQueryKillTest}: runs the Kafka to Kafka query and prints {@code
 * COMMITTED <batchId>} after each batch, until it is killed. Arguments: bootstrap servers, input
 * topic, output topic, checkpoint directory, exactlyOnce.
 */
public final class KafkaQueryKillMain {
  private KafkaQueryKillMain() {}

  public static void main(String[] args) throws Exception {
    var session = TestSessions.shared();
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
        KafkaQueryKillTest.start(
            session, args[0], args[1], args[2], Path.of(args[3]), Boolean.parseBoolean(args[4]));
    q.awaitTermination();
  }
}
