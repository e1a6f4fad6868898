package io.sluice.streaming.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchLogPurgeTest {
  @Test
  void firstWriteCreatesTheDirectoryAndAnEntryIsNeverReplaced(@TempDir Path dir) {
    CommitLog log = new CommitLog(dir.resolve("a/commits"), false);
    assertThat(log.add(0, 5L)).isTrue();
    assertThat(log.add(0, 7L)).isFalse();
    assertThat(log.get(0)).isEqualTo(5L);
    assertThat(hiddenFiles(dir.resolve("a/commits"))).isZero();
  }

  @Test
  void purgeOnEveryBatchDeletesExactlyTheEntriesBelowTheThreshold(@TempDir Path dir) {
    CommitLog log = new CommitLog(dir.resolve("commits"), false);
    for (long id = 0; id < 5; id++) log.add(id, id);
    log.purge(2);
    assertThat(log.batchIds()).containsExactly(2L, 3L, 4L);
    log.add(5, 5L);
    log.purge(4);
    assertThat(log.batchIds()).containsExactly(4L, 5L);
    log.purge(3); // a lower threshold deletes nothing
    assertThat(log.batchIds()).containsExactly(4L, 5L);
    log.add(6, 6L);
    log.purge(6);
    assertThat(log.batchIds()).containsExactly(6L);
  }

  @Test
  void aNewLogOverAnOldDirectoryPurgesWhatAnEarlierRunLeft(@TempDir Path dir) {
    CommitLog first = new CommitLog(dir.resolve("commits"), false);
    for (long id = 0; id < 6; id++) first.add(id, id);
    first.purge(1);
    CommitLog restarted = new CommitLog(dir.resolve("commits"), true);
    restarted.add(6, 6L);
    restarted.purge(4);
    assertThat(restarted.batchIds()).containsExactly(4L, 5L, 6L);
  }

  @Test
  void aPurgeFarAboveWhereTheLogStartsListsTheDirectory(@TempDir Path dir) {
    CommitLog first = new CommitLog(dir.resolve("commits"), false);
    for (long id = 5000; id < 5006; id++) first.add(id, id);
    CommitLog restarted = new CommitLog(dir.resolve("commits"), false);
    restarted.purge(5003);
    assertThat(restarted.batchIds()).containsExactly(5003L, 5004L, 5005L);
    restarted.add(5006, 0L);
    restarted.purge(5005);
    assertThat(restarted.batchIds()).containsExactly(5005L, 5006L);
  }

  private static long hiddenFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
