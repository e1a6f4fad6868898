package io.sluice.internal;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a master URL into a number of worker threads: {@code local} → 1, {@code local[N]} → N,
 * {@code local[*]} → the available processors ({@code local[N, F]} is accepted too, ignoring the
 * retry count F, as there are no task retries here).
 */
public final class MasterUrl {
  private static final Pattern LOCAL_N =
      Pattern.compile("local\\[\\s*([0-9]+|\\*)\\s*(?:,\\s*[0-9]+\\s*)?]");

  private MasterUrl() {}

  /** Worker threads for {@code master}; fails with {@code INVALID_MASTER_URL}. */
  public static int threads(String master) {
    String m = master.trim();
    if (m.equals("local")) return 1;
    Matcher matcher = LOCAL_N.matcher(m);
    if (matcher.matches()) {
      String n = matcher.group(1);
      if (n.equals("*")) return Runtime.getRuntime().availableProcessors();
      try {
        int threads = Integer.parseInt(n);
        if (threads > 0) return threads;
      } catch (NumberFormatException e) {
        // fall through to the error
      }
    }
    throw new SluiceIllegalArgumentException(
        ErrorClass.INVALID_MASTER_URL, SluiceException.params("master", "'" + master + "'"));
  }
}
