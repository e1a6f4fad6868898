package io.sluice.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.error.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListingTest {
  @TempDir Path dir;

  @BeforeEach
  void layout() throws IOException {
    for (String f :
        List.of(
            "a.json",
            "b.json",
            "c.txt",
            "_SUCCESS",
            ".hidden.json",
            "x._COPYING_",
            "_metadata",
            "sub/d.json",
            "sub/deeper/e.json",
            "_tmp/f.json",
            ".git/g.json",
            "k=1/h.json",
            "2024-01/x1.json",
            "2024-02/x2.json",
            "2025-01/x3.json")) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "{}");
    }
  }

  private List<String> names(List<String> paths, boolean recursive, String filter) {
    return FileListing.list(paths, recursive, filter).stream()
        .map(f -> dir.relativize(f.path()).toString())
        .toList();
  }

  @Test
  void directoryListsItsVisibleFiles() {
    assertThat(names(List.of(dir.toString()), false, null))
        .containsExactly("_metadata", "a.json", "b.json", "c.txt");
  }

  @Test
  void recursiveFileLookupDescendsIntoVisibleDirectories() {
    assertThat(names(List.of(dir.toString()), true, null))
        .containsExactly(
            "2024-01/x1.json",
            "2024-02/x2.json",
            "2025-01/x3.json",
            "_metadata",
            "a.json",
            "b.json",
            "c.txt",
            "k=1/h.json",
            "sub/d.json",
            "sub/deeper/e.json");
  }

  @Test
  void globsInAnySegment() {
    assertThat(names(List.of(dir + "/*.json"), false, null)).containsExactly("a.json", "b.json");
    assertThat(names(List.of(dir + "/[ab].json"), false, null)).containsExactly("a.json", "b.json");
    assertThat(names(List.of(dir + "/[a-b].js?n"), false, null))
        .containsExactly("a.json", "b.json");
    assertThat(names(List.of(dir + "/{a,c}.*"), false, null)).containsExactly("a.json", "c.txt");
    assertThat(names(List.of(dir + "/2024-*/*.json"), false, null))
        .containsExactly("2024-01/x1.json", "2024-02/x2.json");
    assertThat(names(List.of(dir + "/{2024-0[2],2025-*}"), false, null))
        .containsExactly("2024-02/x2.json", "2025-01/x3.json");
    assertThat(names(List.of(dir + "/[!a]*.json"), false, null)).containsExactly("b.json");
  }

  @Test
  void explicitFilesAndSchemesAndDuplicates() {
    assertThat(
            names(
                List.of(
                    "file:" + dir.resolve("a.json"),
                    dir.resolve("a.json").toString(),
                    "file://" + dir.resolve("b.json")),
                false,
                null))
        .containsExactly("a.json", "b.json");
    // hidden files are skipped even when named explicitly, as Spark does
    assertThat(names(List.of(dir.resolve(".hidden.json").toString()), false, null)).isEmpty();
  }

  @Test
  void pathGlobFilterMatchesFileNames() {
    assertThat(names(List.of(dir.toString()), true, "*.json"))
        .containsExactly(
            "2024-01/x1.json",
            "2024-02/x2.json",
            "2025-01/x3.json",
            "a.json",
            "b.json",
            "k=1/h.json",
            "sub/d.json",
            "sub/deeper/e.json");
  }

  @Test
  void missingPathOrEmptyGlobIsPathNotFound() {
    for (String p : List.of(dir + "/nope.json", dir + "/*.csv", dir + "/nope/*.json")) {
      SluiceException e =
          catchThrowableOfType(
              () -> FileListing.list(List.of(p), false, null), SluiceException.class);
      assertThat(e.getErrorClass()).isEqualTo("PATH_NOT_FOUND");
      assertThat(e.getMessageParameters()).containsEntry("path", "file:" + p);
    }
  }

  @Test
  void hiddenNames() {
    assertThat(FileListing.isHidden("_SUCCESS")).isTrue();
    assertThat(FileListing.isHidden(".x")).isTrue();
    assertThat(FileListing.isHidden("a._COPYING_")).isTrue();
    assertThat(FileListing.isHidden("_a=1")).isFalse();
    assertThat(FileListing.isHidden("_common_metadata")).isFalse();
    assertThat(FileListing.isHidden("part-0.json")).isFalse();
  }

  @Test
  void globSyntax() {
    assertThat(GlobPattern.hasGlob("a\\*b")).isFalse();
    assertThat(GlobPattern.compile("a\\*b").matches("a*b")).isTrue();
    assertThat(GlobPattern.compile("{a,b{c,d}}").matches("bd")).isTrue();
    assertThat(GlobPattern.compile("[^x-z]?").matches("ab")).isTrue();
    assertThat(GlobPattern.compile("[^x-z]?").matches("yb")).isFalse();
    assertThat(GlobPattern.compile("*.j(s)n").matches("a.j(s)n")).isTrue();
  }
}
