package io.sluice.exec.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON path subset of {@code get_json_object}, as Spark (and Hive) parse it: {@code $} followed
 * by steps {@code .name} (any characters but {@code .} and {@code [}), {@code ['name']}, {@code
 * [n]}, {@code [*]}, and the field wildcards {@code .*} and {@code ['*']}. Whitespace before a
 * token is skipped. A path that does not parse matches nothing.
 *
 * <p>A step compiles to instructions as Spark's: {@code .name} to {@code KEY, NAMED(name)}, {@code
 * [n]} to {@code SUBSCRIPT, INDEX(n)}, {@code [*]} to {@code SUBSCRIPT, WILDCARD}, a field wildcard
 * to {@code WILDCARD}.
 */
public final class JsonPath {
  /** One instruction of a compiled path. */
  public record Instruction(Kind kind, String name, long index) {
    static final Instruction KEY = new Instruction(Kind.KEY, null, 0);
    static final Instruction SUBSCRIPT = new Instruction(Kind.SUBSCRIPT, null, 0);
    static final Instruction WILDCARD = new Instruction(Kind.WILDCARD, null, 0);
  }

  /** Instruction kinds. */
  public enum Kind {
    KEY,
    NAMED,
    SUBSCRIPT,
    INDEX,
    WILDCARD
  }

  private final String text;
  private int pos;
  private final List<Instruction> out = new ArrayList<>();

  private JsonPath(String text) {
    this.text = text;
  }

  /** The instructions of {@code path}, or null when it does not parse. */
  public static List<Instruction> parse(String path) {
    if (path == null) return null;
    JsonPath p = new JsonPath(path);
    return p.parseAll() ? List.copyOf(p.out) : null;
  }

  private boolean parseAll() {
    skipSpaces();
    if (!literal("$")) return false;
    while (true) {
      skipSpaces();
      if (pos == text.length()) return true;
      if (!node()) return false;
    }
  }

  private boolean node() {
    if (literal(".*") || literal("['*']")) {
      out.add(Instruction.WILDCARD);
      return true;
    }
    int save = pos;
    if (literal(".")) {
      skipSpaces();
      String name = run(c -> c != '.' && c != '[');
      if (name != null) {
        named(name);
        return true;
      }
      pos = save;
    } else if (literal("['")) {
      skipSpaces();
      String name = run(c -> c != '\'');
      skipSpaces();
      if (name != null && literal("']")) {
        named(name);
        return true;
      }
      pos = save;
    }
    if (literal("[")) {
      skipSpaces();
      Instruction operand = null;
      if (literal("*")) {
        operand = Instruction.WILDCARD;
      } else {
        String digits = run(Character::isDigit);
        if (digits != null) {
          try {
            operand = new Instruction(Kind.INDEX, null, Long.parseLong(digits));
          } catch (NumberFormatException e) {
            return false;
          }
        }
      }
      skipSpaces();
      if (operand != null && literal("]")) {
        out.add(Instruction.SUBSCRIPT);
        out.add(operand);
        return true;
      }
    }
    return false;
  }

  private void named(String name) {
    out.add(Instruction.KEY);
    out.add(new Instruction(Kind.NAMED, name, 0));
  }

  private boolean literal(String s) {
    if (text.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private interface CharTest {
    boolean test(char c);
  }

  /** The longest non-empty run of accepted characters at the position, or null. */
  private String run(CharTest accept) {
    int start = pos;
    while (pos < text.length() && accept.test(text.charAt(pos))) pos++;
    return pos > start ? text.substring(start, pos) : null;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }
}
