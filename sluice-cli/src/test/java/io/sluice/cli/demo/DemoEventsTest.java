package io.sluice.cli.demo;

import static io.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's events have EventGen's shape: every field parses with the events' schema. */
class DemoEventsTest {
  @Test
  void eventsParseWithTheSchemaAndFollowTheGeneratorsDistributions(@TempDir Path dir)
      throws Exception {
    DemoEvents gen = new DemoEvents(42, 0.01);
    long now = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      lines.add(new String(gen.next(now + i), StandardCharsets.UTF_8));
    }
    assertThat(gen.count()).isEqualTo(5_000);
    Path file = dir.resolve("events.jsonl");
    Files.write(file, lines);
    Session session = Session.builder().master("local[1]").create();
    try {
      DataFrame df =
          session.read().schema(DemoEvents.SCHEMA).option("mode", "FAILFAST").json(file.toString());
      Row r =
          df.selectExpr(
                  "count(*)",
                  "count(DISTINCT event_id)",
                  "sum(CASE WHEN event_id IS NULL OR user_id IS NULL OR customer_id IS NULL"
                      + " OR event_type IS NULL OR ts IS NULL OR amount IS NULL THEN 1 ELSE 0 END)",
                  "sum(CASE WHEN event_type = 'view' THEN 1 ELSE 0 END)",
                  "sum(CASE WHEN user_id = 'u1' THEN 1 ELSE 0 END)",
                  "sum(CASE WHEN ts < TIMESTAMP'2026-01-01 11:59:00' THEN 1 ELSE 0 END)",
                  "max(amount)")
              .collectAsList()
              .get(0);
      assertThat(r.getLong(0)).isEqualTo(5_000);
      assertThat(r.getLong(1)).isEqualTo(5_000); // unique ids
      assertThat(r.getLong(2)).isZero(); // every field parsed
      assertThat(r.getLong(3)).isBetween(1_800L, 2_200L); // views are 40%
      assertThat(r.getLong(4)).isBetween(300L, 500L); // Zipf: u1 about 8%
      assertThat(r.getLong(5)).isBetween(20L, 90L); // about 1% late by 1 to 15 minutes
      assertThat(r.getDouble(6)).isLessThan(500.0);
      assertThat(df.filter(col("event_type").isin((Object[]) DemoEvents.TYPES)).count())
          .isEqualTo(5_000);
    } finally {
      session.stop();
    }
  }
}
