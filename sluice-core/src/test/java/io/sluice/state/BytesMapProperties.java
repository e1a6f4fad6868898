package io.sluice.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Put, putIfAbsent, get and remove on a {@link BytesMap} agree with a {@link HashMap} model. */
class BytesMapProperties {

  record Op(int kind, int key, int value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    // few distinct keys so that removals hit, keys of different lengths so equal hashes are rare
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 400),
            Arbitraries.integers().between(0, 1000))
        .as(Op::new)
        .list()
        .ofMaxSize(3000);
  }

  private static byte[] key(int k) {
    // keys 0..400 with a length that varies with the key: prefixes of one another included
    ByteBuffer b = ByteBuffer.allocate(4 + k % 5);
    b.putInt(k / 5);
    return b.array();
  }

  private static byte[] value(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }

  @Property(tries = 80)
  void agreesWithAHashMap(@ForAll("ops") List<Op> ops) {
    BytesMap map = new BytesMap(ops.size() % 3 == 0 ? 1 : 64);
    Map<Integer, Integer> model = new HashMap<>();
    for (Op o : ops) {
      byte[] k = key(o.key());
      switch (o.kind()) {
        case 0 -> {
          byte[] old = map.put(k, value(o.value()));
          Integer m = model.put(o.key(), o.value());
          assertThat(decode(old)).isEqualTo(m);
        }
        case 1 -> {
          byte[] old = map.putIfAbsent(k, value(o.value()), BytesMap.hash(k));
          Integer m = model.putIfAbsent(o.key(), o.value());
          assertThat(decode(old)).isEqualTo(m);
        }
        case 2 -> {
          byte[] old = map.remove(key(o.key()));
          assertThat(decode(old)).isEqualTo(model.remove(o.key()));
        }
        default -> assertThat(decode(map.get(key(o.key())))).isEqualTo(model.get(o.key()));
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    for (int k = 0; k <= 400; k++) {
      assertThat(decode(map.get(key(k)))).isEqualTo(model.get(k));
    }
    assertCursorMatches(map, model);
    assertCursorMatches(map.copy(), model);
  }

  private static void assertCursorMatches(BytesMap map, Map<Integer, Integer> model) {
    Map<Integer, Integer> seen = new HashMap<>();
    Set<Integer> dup = new HashSet<>();
    StateCursor c = map.cursor(null);
    while (c.next()) {
      byte[] k = c.key();
      int id = ByteBuffer.wrap(k).getInt() * 5 + (k.length - 4);
      if (seen.put(id, decode(c.value())) != null) dup.add(id);
    }
    assertThat(dup).isEmpty();
    assertThat(seen).isEqualTo(model);
  }

  private static Integer decode(byte[] v) {
    return v == null ? null : ByteBuffer.wrap(v).getInt();
  }
}
