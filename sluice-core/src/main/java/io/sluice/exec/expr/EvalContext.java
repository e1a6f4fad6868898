package io.sluice.exec.expr;

import java.time.ZoneId;

/**
 * Settings that change how expressions evaluate: the session time zone (casts between strings
 * and timestamps) and whether ANSI mode is on (for nodes that do not carry an eval mode).
 */
public record EvalContext(ZoneId timeZone, boolean ansi) {
  public static EvalContext of(String timeZone, boolean ansi) {
    return new EvalContext(ZoneId.of(timeZone), ansi);
  }
}
