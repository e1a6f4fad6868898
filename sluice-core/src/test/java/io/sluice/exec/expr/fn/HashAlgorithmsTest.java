package io.sluice.exec.expr.fn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hash primitives against published reference values. */
class HashAlgorithmsTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void xxHash64MatchesTheReferenceImplementation() {
    assertThat(XxHash64.hashBytes(new byte[0], 0, 0, 0)).isEqualTo(0xEF46DB3751D8E999L);
    assertThat(XxHash64.hashBytes(utf8("a"), 0, 1, 0)).isEqualTo(0xD24EC4F1A98C6E5BL);
    assertThat(XxHash64.hashBytes(utf8("abc"), 0, 3, 0)).isEqualTo(0x44BC2CF5AD770999L);
    byte[] long40 = utf8("Nobody inspects the spammish repetition");
    assertThat(XxHash64.hashBytes(long40, 0, long40.length, 0)).isEqualTo(0xFBCEA83C8A378BF1L);
  }

  @Test
  void xxHash64OfIntsAndLongsIsTheHashOfTheirLittleEndianBytes() {
    byte[] four = {0x78, 0x56, 0x34, 0x12};
    assertThat(XxHash64.hashInt(0x12345678, 42)).isEqualTo(XxHash64.hashBytes(four, 0, 4, 42));
    byte[] eight = {1, 2, 3, 4, 5, 6, 7, (byte) 0x88};
    assertThat(XxHash64.hashLong(0x8807060504030201L, 42))
        .isEqualTo(XxHash64.hashBytes(eight, 0, 8, 42));
  }

  @Test
  void murmur3OfWholeWordsMatchesTheReferenceAndIntsAreWords() {
    assertThat(Murmur3.hashBytes(utf8("test"), 0, 4, 0)).isEqualTo(0xBA6BD213);
    byte[] le = {0x78, 0x56, 0x34, 0x12};
    assertThat(Murmur3.hashInt(0x12345678, 42)).isEqualTo(Murmur3.hashBytes(le, 0, 4, 42));
    // Spark's hash(1) for an int
    assertThat(Murmur3.hashInt(1, 42)).isEqualTo(-559580957);
  }
}
