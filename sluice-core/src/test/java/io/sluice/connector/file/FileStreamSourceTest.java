package io.sluice.connector.file;

import static io.sluice.connector.file.StreamFiles.NOW;
import static io.sluice.connector.file.StreamFiles.put;
import static io.sluice.connector.file.StreamFiles.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.DataStreamReader;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming file source through the engine, over real files. */
class FileStreamSourceTest {
  private static final long HOUR = 3_600_000L;
  private static Session session;

  @TempDir Path tmp;
  private Path in;
  private Path ck;
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    session = StreamFiles.session();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @BeforeEach
  void dirs() throws IOException {
    in = Files.createDirectories(tmp.resolve("in"));
    ck = tmp.resolve("ck");
  }

  private DataStreamReader json() {
    return session.readStream().format("json").schema("id INT");
  }

  /** Starts {@code df} into a foreachBatch sink that records each batch's rows. */
  private StreamingQuery collect(DataFrame df) {
    return collect(df, Trigger.ProcessingTime(0));
  }

  private StreamingQuery collect(DataFrame df, Trigger trigger) {
    return df.writeStream()
        .trigger(trigger)
        .option("checkpointLocation", ck.toString())
        .foreachBatch((batch, id) -> batches.add(sorted(batch)))
        .start();
  }

  private static String line(int id) {
    return "{\"id\":" + id + "}";
  }

  @Test
  void newFilesArePickedUpOnceEach() throws IOException {
    Path a = put(in, "a.json", NOW, line(1), line(2));
    StreamingQuery q = collect(json().load(in.toString()));
    try {
      q.processAllAvailable();
      assertThat(batches).containsExactly(List.of("[1]", "[2]"));
      put(in, "b.json", NOW + 1000, line(3));
      Files.setLastModifiedTime(a, FileTime.fromMillis(NOW + 2000)); // touched: still seen
      q.processAllAvailable();
      assertThat(batches).containsExactly(List.of("[1]", "[2]"), List.of("[3]"));
      assertThat(q.lastProgress().sources()[0].description())
          .isEqualTo("FileStreamSource[file:" + in + "]");
    } finally {
      q.stop();
    }
    assertThat(Files.readString(ck.resolve("offsets/1"))).endsWith("\n{\"logOffset\":1}");
    String log = Files.readString(ck.resolve("sources/0/1"));
    assertThat(log)
        .isEqualTo(
            "v1\n{\"path\":\"file:"
                + in.resolve("b.json")
                + "\",\"timestamp\":"
                + (NOW + 1000)
                + ",\"batchId\":1}\n");
  }

  @Test
  void hiddenTemporaryAndUnderscoreFilesAreIgnored() {
    put(in, ".hidden.json", NOW, line(1));
    put(in, "_meta.json", NOW, line(2));
    put(in, "c.json._COPYING_", NOW, line(3));
    put(in, "d.json", NOW, line(4));
    StreamingQuery q = collect(json().load(in.toString()));
    try {
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[4]"));
  }

  @Test
  void maxFilesPerTriggerAdmitsThatManyFilesPerBatchOldestFirst() {
    put(in, "a.json", NOW + 2, line(1));
    put(in, "b.json", NOW + 1, line(2));
    put(in, "c.json", NOW, line(3));
    StreamingQuery q = collect(json().option("maxFilesPerTrigger", 2).load(in.toString()));
    try {
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[2]", "[3]"), List.of("[1]"));
  }

  @Test
  void maxBytesPerTriggerAdmitsFilesUpToTheSizeButAlwaysOne() {
    put(in, "a.json", NOW, line(1)); // 9 bytes each
    put(in, "b.json", NOW + 1, line(2));
    put(in, "c.json", NOW + 2, line(3), line(4), line(5));
    put(in, "d.json", NOW + 3, line(6));
    StreamingQuery q = collect(json().option("maxBytesPerTrigger", "20").load(in.toString()));
    try {
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches)
        .containsExactly(List.of("[1]", "[2]"), List.of("[3]", "[4]", "[5]"), List.of("[6]"));
  }

  @Test
  void latestFirstReadsTheNewestFirstAndThenIgnoresMaxFileAge() {
    put(in, "old.json", NOW - 30 * 24 * HOUR, line(1)); // older than the default 7d maxFileAge
    put(in, "mid.json", NOW - HOUR, line(2));
    put(in, "new.json", NOW, line(3));
    StreamingQuery q =
        collect(
            json().option("latestFirst", true).option("maxFilesPerTrigger", 1).load(in.toString()));
    try {
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[3]"), List.of("[2]"), List.of("[1]"));
  }

  @Test
  void maxFileAgeSkipsFilesOlderThanTheNewestSeenByMoreThanTheAge() {
    put(in, "a.json", NOW, line(1));
    put(in, "b.json", NOW - 2 * HOUR, line(2)); // the first batch takes every file
    StreamingQuery q = collect(json().option("maxFileAge", "1h").load(in.toString()));
    try {
      q.processAllAvailable();
      put(in, "late.json", NOW - 2 * HOUR, line(3));
      q.processAllAvailable();
      put(in, "recent.json", NOW - HOUR / 2, line(4));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1]", "[2]"), List.of("[4]"));
  }

  @Test
  void fileNameOnlyKnowsFilesByNameAlone() {
    put(in, "d1/x.json", NOW, line(1));
    put(in, "d1/y.json", NOW, line(2));
    StreamingQuery q = collect(json().option("fileNameOnly", true).load(in + "/*"));
    try {
      q.processAllAvailable();
      put(in, "d2/x.json", NOW + 1, line(3)); // the same name as a file already read
      put(in, "d2/z.json", NOW + 1, line(4));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1]", "[2]"), List.of("[4]"));
  }

  @Test
  void cleanSourceArchiveMovesEachFileUnderTheArchiveOnceItsBatchIsCommitted() {
    Path archive = tmp.resolve("archive");
    Path a = put(in, "sub=1/a.json", NOW, line(1));
    StreamingQuery q =
        collect(
            json()
                .option("cleanSource", "archive")
                .option("sourceArchiveDir", archive.toString())
                .load(in.toString()));
    try {
      q.processAllAvailable();
      Path b = put(in, "sub=2/b.json", NOW + 1, line(2));
      q.processAllAvailable();
      assertThat(a).doesNotExist();
      assertThat(b).doesNotExist();
      assertThat(SourceCleaner.archivePath(archive, a)).exists();
      assertThat(SourceCleaner.archivePath(archive, b)).exists();
      assertThat(archive.resolve(in.getRoot().relativize(a).toString())).exists();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1,1]"), List.of("[2,2]"));
  }

  @Test
  void cleanSourceDeleteRemovesCommittedFiles() {
    Path a = put(in, "a.json", NOW, line(1));
    StreamingQuery q = collect(json().option("cleanSource", "DELETE").load(in.toString()));
    try {
      q.processAllAvailable();
      assertThat(a).doesNotExist();
      Path b = put(in, "b.json", NOW + 1, line(2));
      q.processAllAvailable();
      assertThat(b).doesNotExist();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1]"), List.of("[2]"));
  }

  @Test
  void anArchiveDirectoryInsideTheSourceIsRejected() {
    assertThatThrownBy(
            () ->
                json()
                    .option("cleanSource", "archive")
                    .option("sourceArchiveDir", in.resolve("done").toString())
                    .load(in.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("STREAMING_SOURCE_OPTION_INVALID");
              assertThat(e.getMessageParameters()).containsEntry("option", "sourceArchiveDir");
            });
  }

  @Test
  void badStreamingOptionsNameTheOption() {
    assertOptionError("maxFilesPerTrigger", "0", "maxFilesPerTrigger");
    assertOptionError("maxBytesPerTrigger", "lots", "maxBytesPerTrigger");
    assertOptionError("LatestFirst", "maybe", "LatestFirst");
    assertOptionError("maxFileAge", "soon", "maxFileAge");
    assertOptionError("cleanSource", "move", "cleanSource");
    assertOptionError("cleanSource", "archive", "sourceArchiveDir");
    assertThatThrownBy(
            () ->
                json()
                    .option("maxFilesPerTrigger", 1)
                    .option("maxBytesPerTrigger", "1m")
                    .load(in.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessage()).contains("maxFilesPerTrigger", "maxBytesPerTrigger"));
  }

  private void assertOptionError(String key, String value, String named) {
    assertThatThrownBy(() -> json().option(key, value).load(in.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("STREAMING_SOURCE_OPTION_INVALID");
              assertThat(e.getMessageParameters()).containsEntry("option", named);
              assertThat(e.getMessageParameters()).containsEntry("format", "json");
            });
  }

  @Test
  void aRestartResumesAfterTheCommittedFilesWithoutReadingThemAgain() {
    put(in, "a.json", NOW, line(1));
    StreamingQuery q = collect(json().load(in.toString()));
    q.processAllAvailable();
    q.stop();
    put(in, "b.json", NOW + 1, line(2));
    batches.clear();
    q = collect(json().load(in.toString()));
    try {
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[2]"));
  }

  @Test
  void aLoggedButUncommittedBatchIsReadAgainWithExactlyItsFiles() throws IOException {
    put(in, "a.json", NOW, line(1));
    StreamingQuery q = collect(json().load(in.toString()));
    q.processAllAvailable();
    q.stop();
    Files.delete(ck.resolve("commits/0")); // as if the query died before committing batch 0
    put(in, "b.json", NOW + 1, line(2));
    batches.clear();
    q = collect(json().load(in.toString()));
    try {
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1]"), List.of("[2]"));
  }

  @Test
  void theLogOfSeenFilesIsCompactedAndForgetsFilesTooOldToComeBack() throws IOException {
    session.conf().set("sluice.sql.streaming.fileSource.log.compactInterval", "3");
    try {
      for (int i = 0; i < 7; i++) put(in, "f" + i + ".json", NOW + i * HOUR, line(i));
      DataStreamReader r = json().option("maxFilesPerTrigger", 1).option("maxFileAge", "90m");
      StreamingQuery q = collect(r.load(in.toString()));
      q.processAllAvailable();
      q.stop();
      assertThat(batches).hasSize(7);
      assertThat(StreamFiles.filesUnder(ck.resolve("sources/0")))
          .containsExactly("2.compact", "3", "4", "5.compact", "6");
      // at batch 5 the newest file was f5 (NOW+5h): committed files older than NOW+3.5h are gone
      assertThat(Files.readString(ck.resolve("sources/0/5.compact")))
          .contains("f4.json", "f5.json")
          .doesNotContain("f3.json");
      put(in, "f7.json", NOW + 7 * HOUR, line(7));
      batches.clear();
      q = collect(r.load(in.toString()));
      try {
        q.processAllAvailable();
      } finally {
        q.stop();
      }
      assertThat(batches).containsExactly(List.of("[7]"));
    } finally {
      session.conf().unset("sluice.sql.streaming.fileSource.log.compactInterval");
    }
  }

  @Test
  void availableNowReadsTheFilesPresentAtStartInLimitedBatchesThenStops() {
    put(in, "a.json", NOW, line(1));
    put(in, "b.json", NOW + 1, line(2));
    put(in, "c.json", NOW + 2, line(3));
    StreamingQuery q =
        json()
            .option("maxFilesPerTrigger", 1)
            .load(in.toString())
            .writeStream()
            .trigger(Trigger.AvailableNow())
            .option("checkpointLocation", ck.toString())
            .foreachBatch(
                (batch, id) -> {
                  batches.add(sorted(batch));
                  put(in, "later" + id + ".json", NOW + 10 + id, line(100));
                })
            .start();
    assertThat(q.awaitTermination(60_000)).isTrue();
    assertThat(batches).containsExactly(List.of("[1]"), List.of("[2]"), List.of("[3]"));
  }

  @Test
  void aSchemaIsRequiredUnlessStreamingSchemaInferenceIsOn() {
    put(in, "a.json", NOW, "{\"id\":1,\"name\":\"x\"}");
    assertThatThrownBy(() -> session.readStream().json(in.toString()))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("STREAMING_SOURCE_SCHEMA_REQUIRED");
              assertThat(e.getMessage()).contains("sluice.sql.streaming.schemaInference");
            });
    session.conf().set("sluice.sql.streaming.schemaInference", "true");
    try {
      DataFrame df = session.readStream().json(in.toString());
      assertThat(df.schema().toDDL()).isEqualTo("id BIGINT,name STRING");
    } finally {
      session.conf().unset("sluice.sql.streaming.schemaInference");
    }
    assertThat(session.readStream().text(in.toString()).schema().toDDL()).isEqualTo("value STRING");
  }

  @Test
  void aMissingDirectoryFailsAtLoadButAGlobMayMatchNothingYet() {
    assertThatThrownBy(() -> json().load(tmp.resolve("nope").toString()))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("PATH_NOT_FOUND"));
    DataFrame df = json().load(in + "/*/x*.json");
    StreamingQuery q = collect(df);
    try {
      q.processAllAvailable();
      put(in, "d1/x1.json", NOW, line(1));
      put(in, "d1/y1.json", NOW, line(2));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1]"));
  }

  @Test
  void partitionDirectoriesBecomeColumns() {
    put(in, "year=2024/a.json", NOW, line(1));
    DataFrame df = json().load(in.toString());
    assertThat(df.schema().toDDL()).isEqualTo("id INT,year INT");
    StreamingQuery q = collect(df);
    try {
      q.processAllAvailable();
      put(in, "year=2025/b.json", NOW + 1, line(2));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1,2024]"), List.of("[2,2025]"));
  }

  @Test
  void csvAndTextStreamsUseTheirBatchReaders() {
    put(in, "a.csv", NOW, "id;name", "1;x", "2;y");
    StreamingQuery q =
        collect(
            session
                .readStream()
                .schema("id INT, name STRING")
                .option("header", true)
                .option("sep", ";")
                .csv(in.toString()));
    try {
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1,x]", "[2,y]"));
    batches.clear();
    ck = tmp.resolve("ck2");
    q = collect(session.readStream().text(in.toString()));
    try {
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(batches).containsExactly(List.of("[1;x]", "[2;y]", "[id;name]"));
  }

  @Test
  void aCorruptLogOfSeenFilesNamesTheFile() throws IOException {
    put(in, "a.json", NOW, line(1));
    StreamingQuery q = collect(json().load(in.toString()));
    q.processAllAvailable();
    q.stop();
    Path log = ck.resolve("sources/0/0");
    Files.writeString(log, "v1\nnot json\n");
    put(in, "b.json", NOW + 1, line(2));
    assertThatThrownBy(
            () -> {
              StreamingQuery again = collect(json().load(in.toString()));
              try {
                again.processAllAvailable();
              } finally {
                again.stop();
              }
            })
        .satisfies(
            t -> {
              SluiceException e = rootSluice(t);
              assertThat(e.getErrorClass()).isEqualTo("CHECKPOINT_FILE_CORRUPT");
              assertThat(e.getMessageParameters().get("path")).isEqualTo(log.toString());
            });
  }

  /** The innermost Sluice exception of a failure (a query's failure wraps its cause). */
  static SluiceException rootSluice(Throwable t) {
    SluiceException found = null;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SluiceException s) found = s;
    }
    assertThat(found).as("a SluiceException in " + t).isNotNull();
    return found;
  }
}
