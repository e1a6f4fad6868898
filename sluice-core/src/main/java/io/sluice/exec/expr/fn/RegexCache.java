package io.sluice.exec.expr.fn;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The compiled pattern of a regex function: compiled once when the pattern is a constant, else
 * recompiled only when a row's pattern differs from the previous row's. Keeps one reusable {@link
 * Matcher}. Not thread-safe (one per evaluator).
 */
final class RegexCache {
  private final String function;
  private String lastRegex;
  private Matcher matcher;

  RegexCache(String function) {
    this.function = function;
  }

  /** Compiles a constant pattern now, so an invalid one fails before any row is read. */
  RegexCache(String function, String constantRegex) {
    this(function);
    matcher(constantRegex);
  }

  /** A matcher of {@code regex} (not reset to any input yet). */
  Matcher matcher(String regex) {
    if (matcher == null || !regex.equals(lastRegex)) {
      matcher = compile(function, regex).matcher("");
      lastRegex = regex;
    }
    return matcher;
  }

  /** The matcher of the last pattern (the constant one for a constant pattern). */
  Matcher current() {
    return matcher;
  }

  static Pattern compile(String function, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw FnErrors.invalidPattern(function, regex, e);
    }
  }
}
