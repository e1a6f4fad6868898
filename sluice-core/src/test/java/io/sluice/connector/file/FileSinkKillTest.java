package io.sluice.connector.file;

import static io.sluice.connector.file.StreamFiles.NOW;
import static io.sluice.connector.file.StreamFiles.filesUnder;
import static io.sluice.connector.file.StreamFiles.put;
import static io.sluice.connector.file.StreamFiles.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Session;
import io.sluice.streaming.StreamingQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query killed between the offset-log write and the commit: a child JVM runs a file-to-file query
 * whose sink blocks in batch 1 after writing its data files but before the manifest entry; the test
 * kills it while {@code offsets/1} exists and {@code commits/1} does not, restarts the query in
 * this process from the same checkpoint and finds every row in the sink exactly once.
 */
class FileSinkKillTest {
  @TempDir Path tmp;

  @Test
  void aQueryKilledBeforeItsCommitRestartsIntoExactlyOnceOutput() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    Path ck = tmp.resolve("ck");
    put(in, "a.json", NOW, "{\"id\":1}", "{\"id\":2}");
    Path staged = put(tmp.resolve("staging"), "b.json", NOW + 1, "{\"id\":3}", "{\"id\":4}");

    Process child = startChild(in, out, ck, staged);
    try {
      List<String> lines = awaitLine(child, "BLOCKED 1");
      assertThat(lines).contains("COMMITTED 0");
      assertThat(ck.resolve("offsets/1")).exists();
      assertThat(ck.resolve("commits/0")).exists();
      assertThat(ck.resolve("commits/1")).doesNotExist();
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    // batch 1's data file is staged in the hidden _temporary directory, not in the manifest
    assertThat(out.resolve("_sluice_metadata/1")).doesNotExist();
    long dataFiles = filesUnder(out).stream().filter(f -> f.startsWith("part-")).count();
    assertThat(dataFiles).isEqualTo(FileSinkLog.files(out).size());
    assertThat(filesUnder(out)).anyMatch(f -> f.matches("_temporary/[0-9a-f-]{36}/part-.*"));

    Session session = StreamFiles.session();
    try {
      assertThat(sorted(session.read().json(out.toString()))).containsExactly("[1]", "[2]");
      StreamingQuery q =
          session
              .readStream()
              .schema("id INT")
              .option("maxFilesPerTrigger", 1)
              .json(in.toString())
              .writeStream()
              .format("json")
              .option("checkpointLocation", ck.toString())
              .start(out.toString());
      try {
        q.processAllAvailable();
      } finally {
        q.stop();
      }
      assertThat(ck.resolve("commits/1")).exists();
      assertThat(ck.resolve("offsets/2")).doesNotExist(); // batch 1 was re-run, nothing more
      assertThat(sorted(session.read().json(out.toString())))
          .containsExactly("[1]", "[2]", "[3]", "[4]");
      // the restarted sink removed the killed run's staging directory
      assertThat(filesUnder(out)).noneMatch(f -> f.startsWith("_temporary"));
      assertThat(filesUnder(out).stream().filter(f -> f.startsWith("part-")).count())
          .isEqualTo(FileSinkLog.files(out).size());
    } finally {
      session.stop();
    }
  }

  private Process startChild(Path in, Path out, Path ck, Path staged) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-Duser.timezone=UTC",
            "-cp",
            System.getProperty("java.class.path"),
            FileSinkKillMain.class.getName(),
            in.toString(),
            out.toString(),
            ck.toString(),
            staged.toString());
    pb.redirectError(tmp.resolve("child.err").toFile());
    return pb.start();
  }

  /** The child's output lines up to and including {@code wanted}; fails if it never comes. */
  private List<String> awaitLine(Process child, String wanted) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
              } catch (IOException e) {
                // the child was killed
              }
              lines.add("<end of output>");
            },
            "kill-test-child-output");
    reader.setDaemon(true);
    reader.start();
    List<String> seen = new java.util.ArrayList<>();
    while (true) {
      String l = lines.poll(120, TimeUnit.SECONDS);
      if (l == null || l.equals("<end of output>")) {
        throw new AssertionError(
            "the child never printed '"
                + wanted
                + "'; its output: "
                + seen
                + "; its errors:\n"
                + Files.readString(tmp.resolve("child.err")));
      }
      seen.add(l);
      if (l.equals(wanted)) return seen;
    }
  }
}
