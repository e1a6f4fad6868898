package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's main-job command, {@code bin/sluice demo}, as a user would (against the jar
 * this build just packaged) and checks the table it prints against totals computed here
 * independently from the bundled sample.
 */
class DemoIT {
  private static final Pattern EVENT =
      Pattern.compile(
          "\"user_id\":\"([^\"]+)\".*\"event_type\":\"([^\"]+)\".*\"amount\":([0-9.]+)");

  @Test
  void readmeMainJobPrintsTheGroupedAggregation() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    ProcessBuilder pb =
        new ProcessBuilder("bin/sluice", "demo", "--master", "local[2]")
            .directory(root.toFile())
            .redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains(expectedTable(root.resolve("sluice-cli/src/main/resources/demo/events.jsonl")));
  }

  /** The show() table Spark would print for the demo query over the sample. */
  static String expectedTable(Path sample) throws IOException {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Set<String>> users = new HashMap<>();
    Map<String, BigDecimal> totals = new HashMap<>();
    for (String line : Files.readAllLines(sample)) {
      Matcher m = EVENT.matcher(line);
      if (!m.find()) throw new IllegalStateException("unexpected sample line " + line);
      String type = m.group(2);
      counts.computeIfAbsent(type, k -> new long[1])[0]++;
      users.computeIfAbsent(type, k -> new HashSet<>()).add(m.group(1));
      totals.merge(type, new BigDecimal(m.group(3)).setScale(2), BigDecimal::add);
    }
    List<String[]> rows = new ArrayList<>();
    List<String> types = new ArrayList<>(counts.keySet());
    types.sort(Comparator.comparing((String t) -> -counts.get(t)[0]).thenComparing(t -> t));
    for (String t : types) {
      long n = counts.get(t)[0];
      BigDecimal total = totals.get(t);
      rows.add(
          new String[] {
            t,
            String.valueOf(n),
            String.valueOf(users.get(t).size()),
            total.toPlainString(),
            total.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP).toPlainString()
          });
    }
    String[] header = {"event_type", "events", "users", "total_amount", "avg_amount"};
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      width[c] = Math.max(3, header[c].length());
      for (String[] r : rows) width[c] = Math.max(width[c], r[c].length());
    }
    StringBuilder sep = new StringBuilder("+");
    for (int w : width) sep.append("-".repeat(w)).append('+');
    StringBuilder sb = new StringBuilder(sep).append('\n');
    appendRow(sb, header, width);
    sb.append(sep).append('\n');
    for (String[] r : rows) appendRow(sb, r, width);
    sb.append(sep).append('\n');
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, String[] cells, int[] width) {
    sb.append('|');
    for (int c = 0; c < cells.length; c++) {
      sb.append(" ".repeat(width[c] - cells[c].length())).append(cells[c]).append('|');
    }
    sb.append('\n');
  }
}
