package io.sluice.exec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the next field name of an object and maps it to the ordinal of a struct field, without
 * allocating. Records usually repeat their keys in the same order, so the lookup predicts the key
 * at each position from the previous object and asks Jackson to match its quoted UTF-8 bytes in
 * place ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}), which
 * skips Jackson's symbol table. Other names go through a hash map.
 */
final class FieldLookup {
  /** Returned by {@link #next} at the end of the object. */
  static final int END = -2;

  /** Returned by {@link #next} for a name that is not a field. */
  static final int UNKNOWN = -1;

  private static final int CACHED_POSITIONS = 64;
  private static final int MAX_SERIALIZED_NAMES = 1024;

  private final Map<String, Integer> ordinals = new HashMap<>();
  private final Map<String, SerializedString> serialized = new HashMap<>();
  private final SerializedString[] expected = new SerializedString[CACHED_POSITIONS];
  private final int[] expectedOrdinals = new int[CACHED_POSITIONS];

  /**
   * @param names the field names by ordinal; null entries are never matched
   */
  FieldLookup(String[] names) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) ordinals.putIfAbsent(names[i], i);
    }
  }

  /**
   * Advances to the next field name of the current object and returns its field's ordinal, {@link
   * #UNKNOWN}, or {@link #END} when the object's {@code END_OBJECT} was reached.
   *
   * @param position how many keys of this object came before
   */
  int next(JsonParser p, int position) throws IOException {
    if (position < CACHED_POSITIONS) {
      SerializedString guess = expected[position];
      if (guess != null) {
        if (p.nextFieldName(guess)) return expectedOrdinals[position];
        if (p.currentToken() != JsonToken.FIELD_NAME) return END;
        return remember(p.currentName(), position);
      }
      String name = p.nextFieldName();
      return name == null ? END : remember(name, position);
    }
    String name = p.nextFieldName();
    return name == null ? END : find(name);
  }

  private int remember(String name, int position) {
    int ord = find(name);
    SerializedString s = serialized.get(name);
    if (s == null && serialized.size() < MAX_SERIALIZED_NAMES) {
      s = new SerializedString(name);
      serialized.put(name, s);
    }
    expected[position] = s;
    expectedOrdinals[position] = ord;
    return ord;
  }

  private int find(String name) {
    Integer o = ordinals.get(name);
    return o == null ? UNKNOWN : o;
  }
}
