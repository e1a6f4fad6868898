package io.sluice.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FileSplittingTest {

  private static SourceFile file(String name, long length) {
    return new SourceFile(Path.of("/d", name), length, 0);
  }

  @Test
  void packsLargestSplitsFirstAndCutsSplittableFiles() {
    List<SourceFile> files = List.of(file("a", 250), file("b", 40), file("c", 30), file("e", 0));
    List<FilePartition> parts = FilePartitioner.partition(files, 100, 10, 1, f -> true);
    List<String> shown = new ArrayList<>();
    for (FilePartition p : parts) {
      shown.add(
          p.splits().stream()
              .map(s -> s.file().path().getFileName() + "@" + s.start() + "+" + s.length())
              .toList()
              .toString());
    }
    assertThat(shown).containsExactly("[a@0+100]", "[a@100+100]", "[a@200+50, b@0+40]", "[c@0+30]");
  }

  @Test
  void unsplittableFilesStayWhole() {
    List<FilePartition> parts =
        FilePartitioner.partition(List.of(file("a", 250)), 100, 10, 1, f -> false);
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).splits().get(0).isWholeFile()).isTrue();
  }

  @Test
  void splitSizeFollowsSparksFormula() {
    List<SourceFile> files = List.of(file("a", 1000), file("b", 1000));
    // total = 2000 + 2 * 4 = 2008 over 4 cores = 502 per core; between openCost and max
    assertThat(FilePartitioner.maxSplitBytes(files, 10_000, 4, 4)).isEqualTo(502);
    assertThat(FilePartitioner.maxSplitBytes(files, 100, 4, 4)).isEqualTo(100);
    // total = 2000 + 2 * 800 = 3600 over 4 cores = 900
    assertThat(FilePartitioner.maxSplitBytes(files, 10_000, 800, 4)).isEqualTo(900);
    assertThat(FilePartitioner.maxSplitBytes(files, 10_000, 2000, 4)).isEqualTo(2000);
  }

  /** Every line is read by exactly one split, whatever the split size and separators. */
  @Property(tries = 200)
  void everyLineIsOwnedByExactlyOneSplit(
      @ForAll @StringLength(max = 400) String text,
      @ForAll @IntRange(min = 1, max = 64) int splitSize,
      @ForAll boolean customSeparator)
      throws IOException {
    String content = text.replaceAll("[^a-c\\n\\r|]", "x");
    Path tmp = Files.createTempFile("split", ".txt");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      SourceFile f = new SourceFile(tmp, Files.size(tmp), 0);
      byte[] sep = customSeparator ? "||".getBytes(StandardCharsets.UTF_8) : null;
      List<String> whole = readLines(new FileSplit(f, 0, f.length()), sep);
      List<String> pieces = new ArrayList<>();
      for (long off = 0; off < f.length(); off += splitSize) {
        pieces.addAll(readLines(new FileSplit(f, off, Math.min(splitSize, f.length() - off)), sep));
      }
      assertThat(pieces).isEqualTo(whole);
      assertThat(whole).isEqualTo(expectedLines(content, customSeparator));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static List<String> readLines(FileSplit split, byte[] sep) throws IOException {
    List<String> out = new ArrayList<>();
    try (LineSplitReader r = new LineSplitReader(split, sep)) {
      while (r.nextChunk()) {
        for (int i = 0; i < r.lineCount(); i++) {
          out.add(
              new String(
                  r.buffer(),
                  r.lineStart(i),
                  r.lineEnd(i) - r.lineStart(i),
                  StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static List<String> expectedLines(String s, boolean custom) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      if (custom && s.startsWith("||", i)) {
        out.add(s.substring(start, i));
        i += 2;
        start = i;
      } else if (!custom && (s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
        out.add(s.substring(start, i));
        i += s.startsWith("\r\n", i) ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < s.length()) out.add(s.substring(start));
    return out;
  }
}
