package io.sluice.connector.file;

import java.util.regex.Pattern;

/**
 * A glob for one path segment, with Hadoop's syntax as Spark uses it: {@code *} (any run of
 * characters), {@code ?} (one character), {@code [abc]}, {@code [a-z]}, {@code [^a]} or {@code
 * [!a]} (character classes), {@code {a,b}} (alternatives, which may nest and hold globs) and {@code
 * \} escaping the next character.
 */
public final class GlobPattern {
  private final Pattern regex;

  private GlobPattern(Pattern regex) {
    this.regex = regex;
  }

  /** True when {@code text} holds a glob metacharacter. */
  public static boolean hasGlob(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  /** Compiles a glob; throws {@link IllegalArgumentException} for an unclosed class or brace. */
  public static GlobPattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '\\' -> {
          if (++i >= glob.length()) throw new IllegalArgumentException("Trailing \\ in " + glob);
          re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
        }
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '{' -> {
          re.append("(?:");
          braces++;
        }
        case '}' -> {
          if (braces == 0) {
            re.append("\\}");
          } else {
            re.append(')');
            braces--;
          }
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        case '[' -> i = appendClass(glob, i, re);
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces > 0) throw new IllegalArgumentException("Unclosed { in glob " + glob);
    return new GlobPattern(Pattern.compile(re.toString(), Pattern.DOTALL));
  }

  private static int appendClass(String glob, int open, StringBuilder re) {
    int i = open + 1;
    re.append('[');
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      re.append('^');
      i++;
    }
    boolean first = true;
    for (; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == ']' && !first) {
        re.append(']');
        return i;
      }
      first = false;
      if (c == '\\' && i + 1 < glob.length()) {
        c = glob.charAt(++i);
      } else if (c == '-') {
        re.append('-');
        continue;
      }
      if (c == '[' || c == ']' || c == '\\' || c == '^' || c == '&') re.append('\\');
      re.append(c);
    }
    throw new IllegalArgumentException("Unclosed [ in glob " + glob);
  }

  public boolean matches(String name) {
    return regex.matcher(name).matches();
  }
}
