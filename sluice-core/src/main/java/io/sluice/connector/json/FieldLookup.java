package io.sluice.connector.json;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps JSON field names to the ordinals of a struct's fields without allocating. Jackson hands
 * out canonical (interned) name strings, so a cache of the name seen at each position of the
 * previous object, compared by identity, answers records whose keys keep their order; other
 * names go through a hash map (Java strings cache their hash).
 */
final class FieldLookup {
  private static final int CACHED_POSITIONS = 64;
  private final Map<String, Integer> ordinals = new HashMap<>();
  private final String[] cachedNames = new String[CACHED_POSITIONS];
  private final int[] cachedOrdinals = new int[CACHED_POSITIONS];

  /** @param names the field names by ordinal; null entries are never matched */
  FieldLookup(String[] names) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) ordinals.putIfAbsent(names[i], i);
    }
  }

  /** The ordinal of {@code name}, the {@code position}-th key of its object, or -1. */
  int find(String name, int position) {
    if (position < CACHED_POSITIONS) {
      if (cachedNames[position] == name) return cachedOrdinals[position];
      Integer o = ordinals.get(name);
      int ord = o == null ? -1 : o;
      cachedNames[position] = name;
      cachedOrdinals[position] = ord;
      return ord;
    }
    Integer o = ordinals.get(name);
    return o == null ? -1 : o;
  }
}
