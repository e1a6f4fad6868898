package io.sluice.exec.operator.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ByteKeyMap} hands out dense ids as a {@link HashMap} model would, across rehashes. */
class ByteKeyMapProperties {

  @Provide
  Arbitrary<List<byte[]>> keys() {
    // short keys over a small alphabet repeat often; lengths 0..4 include prefixes of each other
    return Arbitraries.bytes()
        .between((byte) 0, (byte) 3)
        .array(byte[].class)
        .ofMaxSize(4)
        .list()
        .ofMaxSize(2000);
  }

  @Property(tries = 60)
  void idsAreDenseAndStable(@ForAll("keys") List<byte[]> keys, @ForAll boolean constantHash) {
    ByteKeyMap map = new ByteKeyMap();
    Map<String, Integer> model = new HashMap<>();
    byte[] data = new byte[8];
    for (byte[] k : keys) {
      // the key sits at an offset inside a larger array, as serialized keys do
      System.arraycopy(k, 0, data, 2, k.length);
      int h = constantHash ? 7 : Arrays.hashCode(k);
      String m = Arrays.toString(k);
      assertThat(map.find(data, 2, 2 + k.length, h)).isEqualTo(model.getOrDefault(m, -1));
      Integer expected = model.computeIfAbsent(m, x -> model.size());
      assertThat(map.findOrInsert(data, 2, 2 + k.length, h)).isEqualTo(expected);
      assertThat(map.size()).isEqualTo(model.size());
      assertThat(Arrays.copyOfRange(map.arena(), map.start(expected), map.end(expected)))
          .isEqualTo(k);
    }
  }

  @Property(tries = 60)
  void retainKeepsTheChosenKeysRenumbered(
      @ForAll("keys") List<byte[]> keys, @ForAll("keys") List<byte[]> later, @ForAll long seed) {
    ByteKeyMap map = new ByteKeyMap();
    List<String> byId = new java.util.ArrayList<>();
    for (byte[] k : keys) {
      if (map.findOrInsert(k, 0, k.length, Arrays.hashCode(k)) == byId.size()) {
        byId.add(Arrays.toString(k));
      }
    }
    java.util.Random random = new java.util.Random(seed);
    int[] keep = new int[byId.size()];
    int n = 0;
    for (int id = 0; id < byId.size(); id++) if (random.nextBoolean()) keep[n++] = id;
    map.retain(keep, n);
    Map<String, Integer> model = new HashMap<>();
    for (int i = 0; i < n; i++) model.put(byId.get(keep[i]), i);
    assertThat(map.size()).isEqualTo(n);
    for (byte[] k : keys) {
      assertThat(map.find(k, 0, k.length, Arrays.hashCode(k)))
          .isEqualTo(model.getOrDefault(Arrays.toString(k), -1));
    }
    for (byte[] k : later) {
      Integer expected = model.computeIfAbsent(Arrays.toString(k), x -> model.size());
      assertThat(map.findOrInsert(k, 0, k.length, Arrays.hashCode(k))).isEqualTo(expected);
      assertThat(Arrays.copyOfRange(map.arena(), map.start(expected), map.end(expected)))
          .isEqualTo(k);
    }
  }
}
