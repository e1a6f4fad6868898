package io.sluice.exec.expr.fn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The numeric shortcut gives exactly what the {@code DateTimeFormatter} path gives. */
class FastDateTimePatternTest {
  private static final String[] PATTERNS = {
    "yyyy-MM-dd",
    "yyyy-MM-dd HH:mm:ss",
    "yyyy-MM-dd'T'HH:mm:ss.SSS",
    "yyyyMMdd",
    "yyyyMMddHHmmss",
    "dd/MM/yyyy HH:mm",
    "HH:mm:ss.SSSSSS",
    "yyyy-MM",
    "MM-dd",
    "yyyy-MM-dd HH:mm:ss.SSSSSSSSS",
    "'at' HH 'h'",
    "yyyy.MM.dd G",
    "yyyy-MM-dd[ HH:mm]"
  };

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of(PATTERNS);
  }

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of("UTC", "America/Los_Angeles", "Europe/London", "Asia/Kathmandu");
  }

  @Test
  void theShortcutCoversTheCommonPatternsOnly() {
    assertThat(FastDateTimePattern.of(DateTimePattern.convert("yyyy-MM-dd HH:mm:ss", true)))
        .isNotNull();
    assertThat(FastDateTimePattern.of(DateTimePattern.convert("yyyyMMddHHmmssSSS", true))).isNull();
    assertThat(FastDateTimePattern.of(DateTimePattern.convert("yyyy-MM-dd[ HH:mm]", true)))
        .isNull();
    assertThat(FastDateTimePattern.of(DateTimePattern.convert("yyyy-M-d", true))).isNull();
    assertThat(FastDateTimePattern.of(DateTimePattern.convert("HH:ss", true))).isNull();
    assertThat(FastDateTimePattern.of(DateTimePattern.convert("yyyy G", true))).isNull();
  }

  @Property(tries = 3000)
  void parsingEqualsTheFormatter(
      @ForAll("patterns") String pattern, @ForAll("zones") String zone, @ForAll long seed) {
    DateTimePattern p = DateTimePattern.forParsing(pattern);
    Random r = new Random(seed);
    String text =
        mutate(r, DateTimePattern.forFormatting(pattern).formatter().format(randomLocal(r)));
    ZoneOffsets offsets = ZoneOffsets.of(ZoneId.of(zone));
    byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
    Object viaBytes = outcome(() -> p.parseMicros(bytes, 1, bytes.length - 1, offsets));
    Object viaFormatter = outcome(() -> p.parseMicros(text, ZoneId.of(zone)));
    assertThat(viaBytes).as("'%s' with %s", text, pattern).isEqualTo(viaFormatter);
  }

  @Property(tries = 3000)
  void formattingEqualsTheFormatter(@ForAll("patterns") String pattern, @ForAll long seed) {
    DateTimePattern p = DateTimePattern.forFormatting(pattern);
    Random r = new Random(seed);
    LocalDateTime local =
        r.nextInt(20) == 0
            ? LocalDateTime.of(-50 + r.nextInt(100) + (r.nextBoolean() ? 0 : 9950), 1, 1, 0, 0)
            : randomLocal(r);
    StringBuilder sb = new StringBuilder();
    p.formatLocal(sb, local.toEpochSecond(ZoneOffset.UTC), local.getNano());
    assertThat(sb.toString()).isEqualTo(p.formatter().format(local));
  }

  private static LocalDateTime randomLocal(Random r) {
    return LocalDateTime.of(
        r.nextInt(10_000),
        1 + r.nextInt(12),
        1 + r.nextInt(28),
        r.nextInt(24),
        r.nextInt(60),
        r.nextInt(60),
        r.nextInt(1_000_000_000));
  }

  /** Valid text, or text with a character changed, dropped or added, or a field overflowed. */
  private static String mutate(Random r, String s) {
    if (s.isEmpty()) return s;
    int at = r.nextInt(s.length());
    return switch (r.nextInt(8)) {
      case 0 -> s.substring(0, at) + (char) ('0' + r.nextInt(10)) + s.substring(at + 1);
      case 1 -> s.substring(0, at) + s.substring(at + 1);
      case 2 -> s.substring(0, at) + (char) ('0' + r.nextInt(10)) + s.substring(at);
      case 3 -> s.substring(0, at) + "9" + s.substring(at + 1);
      case 4 -> s.toLowerCase() + (r.nextBoolean() ? " " : "");
      default -> s;
    };
  }

  private static Object outcome(java.util.function.LongSupplier f) {
    try {
      return f.getAsLong();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
