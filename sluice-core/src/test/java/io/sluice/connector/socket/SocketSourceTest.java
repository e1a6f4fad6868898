package io.sluice.connector.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryException;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketSourceTest {
  private static final long T0 = 1_700_000_000_000L;
  private static Session session;
  private ServerSocket server;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[2]").config("spark.sql.shuffle.partitions", "2").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  private DataFrame socket(boolean includeTimestamp) {
    return session
        .readStream()
        .format("socket")
        .option("host", "127.0.0.1")
        .option("port", server.getLocalPort())
        .option("includeTimestamp", includeTimestamp)
        .load();
  }

  @Test
  void linesBecomeRowsOfValue(@TempDir Path dir) throws Exception {
    DataFrame df = socket(false);
    assertThat(df.schema().toDDL()).isEqualTo("value STRING");
    StreamingQuery q = startMemory(df, "socket_lines", dir.resolve("ck"), null);
    try (Socket client = server.accept()) {
      send(client, "hello\nwörld\r\n\n");
      awaitRows(q, "socket_lines", 3);
      send(client, "last"); // a line ends at the end of the stream too
      client.shutdownOutput();
      awaitRows(q, "socket_lines", 4);
      assertThat(values("socket_lines")).containsExactlyInAnyOrder("hello", "wörld", "", "last");
      StreamingQueryProgress p = q.lastProgress();
      assertThat(p.sources()[0].endOffset()).isEqualTo("3");
      assertThat(p.sources()[0].description())
          .isEqualTo("TextSocketV2[host: 127.0.0.1, port: " + server.getLocalPort() + "]");
    } finally {
      q.stop();
    }
  }

  @Test
  void includeTimestampAddsTheArrivalTimeOnTheQueryClock(@TempDir Path dir) throws Exception {
    DataFrame df = socket(true);
    assertThat(df.schema().toDDL()).isEqualTo("value STRING,timestamp TIMESTAMP");
    StreamingQuery q = startMemory(df, "socket_ts", dir.resolve("ck"), new TestClock(T0));
    try (Socket client = server.accept()) {
      send(client, "a\nb\n");
      awaitRows(q, "socket_ts", 2);
      List<String> rows = new ArrayList<>();
      for (Row r : session.sql("SELECT * FROM socket_ts ORDER BY value").collectAsList()) {
        rows.add(r.getString(0) + "@" + (r.getTimestamp(1).getTime() - T0));
      }
      assertThat(rows).containsExactly("a@0", "b@0");
    } finally {
      q.stop();
    }
  }

  @Test
  void aRestartNumbersTheNewConnectionsLinesAfterTheCheckpoint(@TempDir Path dir) throws Exception {
    Path ck = dir.resolve("ck");
    StreamingQuery q = startMemory(socket(false), "socket_restart", ck, null);
    try (Socket client = server.accept()) {
      send(client, "one\ntwo\n");
      awaitRows(q, "socket_restart", 2);
    } finally {
      q.stop();
    }
    StreamingQuery again = startMemory(socket(false), "socket_restart", ck, null);
    try (Socket client = server.accept()) {
      send(client, "three\n");
      awaitRows(again, "socket_restart", 1);
      assertThat(values("socket_restart")).containsExactly("three");
      StreamingQueryProgress p = again.lastProgress();
      assertThat(p.batchId()).isGreaterThanOrEqualTo(1);
      assertThat(p.sources()[0].endOffset()).isEqualTo("2");
    } finally {
      again.stop();
    }
  }

  @Test
  void anUncommittedBatchIsLostAfterARestart(@TempDir Path dir) throws Exception {
    Path ck = dir.resolve("ck");
    StreamingQuery q = startMemory(socket(false), "socket_lost", ck, null);
    try (Socket client = server.accept()) {
      send(client, "one\ntwo\n");
      awaitRows(q, "socket_lost", 2);
    } finally {
      q.stop();
    }
    // the query died after logging its last batch and before committing it
    long last = q.lastProgress().batchId();
    Files.delete(ck.resolve("commits/" + last));
    List<String> batches = new ArrayList<>();
    StreamingQuery again =
        socket(false)
            .writeStream()
            .foreachBatch((b, id) -> batches.add(id + ":" + b.count()))
            .option("checkpointLocation", ck.toString())
            .start();
    try (Socket client = server.accept()) {
      again.processAllAvailable();
      // the logged batch ran again, empty: its lines came from the old connection
      assertThat(batches).first().isEqualTo(last + ":0");
      send(client, "three\n");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (batches.size() < 2) {
        if (System.nanoTime() > deadline) fail("no batch with the new line: " + batches);
        again.processAllAvailable();
      }
      assertThat(batches.get(1)).isEqualTo((last + 1) + ":1");
    } finally {
      again.stop();
    }
  }

  @Test
  void aServerThatIsNotThereFailsTheStart(@TempDir Path dir) throws IOException {
    DataFrame df = socket(false);
    server.close(); // nothing listens on the port any more
    assertThatThrownBy(() -> startMemory(df, "socket_refused", dir.resolve("ck"), null))
        .isInstanceOf(StreamingQueryException.class)
        .cause()
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("STREAMING_SOURCE_CONNECTION_FAILED")
        .hasMessageContaining("127.0.0.1:" + server.getLocalPort());
  }

  @Test
  void hostAndPortAreRequiredAndOptionsChecked() {
    assertThatThrownBy(() -> session.readStream().format("socket").option("port", 1).load())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("host")
        .satisfies(e -> assertOption(e, "host", "(none)"));
    assertThatThrownBy(
            () -> session.readStream().format("socket").option("host", "127.0.0.1").load())
        .isInstanceOf(AnalysisException.class)
        .satisfies(e -> assertOption(e, "port", "(none)"));
    assertInvalid(Map.of("host", "127.0.0.1", "port", "http"), "port", "http");
    assertInvalid(Map.of("host", "127.0.0.1", "port", "70000"), "port", "70000");
    assertInvalid(
        Map.of("host", "127.0.0.1", "port", "1", "includeTimestamp", "maybe"),
        "includeTimestamp",
        "maybe");
    assertThatThrownBy(
            () ->
                session
                    .readStream()
                    .format("socket")
                    .schema("line STRING")
                    .option("host", "127.0.0.1")
                    .option("port", 1)
                    .load())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("value STRING");
  }

  private static void assertInvalid(Map<String, String> options, String option, String value) {
    assertThatThrownBy(() -> session.readStream().format("socket").options(options).load())
        .satisfies(e -> assertOption(e, option, value));
  }

  private static void assertOption(Throwable e, String option, String value) {
    SluiceException s = (SluiceException) e;
    assertThat(s.getErrorClass()).isEqualTo("STREAMING_SOURCE_OPTION_INVALID");
    assertThat(s.getMessageParameters())
        .containsEntry("option", option)
        .containsEntry("value", value)
        .containsEntry("format", "socket");
  }

  private static StreamingQuery startMemory(DataFrame df, String name, Path ck, TestClock clock) {
    var w =
        df.writeStream()
            .format("memory")
            .queryName(name)
            .option("checkpointLocation", ck.toString());
    if (clock != null) w.clock(clock);
    return w.start();
  }

  private static void send(Socket client, String text) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Runs triggers until the view holds {@code n} rows: lines arrive on their own thread. */
  private static void awaitRows(StreamingQuery q, String view, int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (session.sql("SELECT * FROM " + view).count() < n) {
      if (System.nanoTime() > deadline) fail("fewer than " + n + " rows in " + view);
      q.processAllAvailable();
    }
  }

  private static List<String> values(String view) {
    List<String> out = new ArrayList<>();
    for (Row r : session.sql("SELECT value FROM " + view).collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }
}
