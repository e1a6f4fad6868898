package io.sluice.exec.operator.window;

/**
 * Merges per-row sessions into session windows, as Spark's session window aggregation does: within
 * one group, a session that starts at or before the end of the current one joins it (a row exactly
 * at a session's end belongs to it) and extends it to the later of both ends; any other session
 * starts a new one. Works over primitive arrays of rows sorted by group, then start; shared by the
 * batch aggregation and the streaming session-window operator (which merges stored sessions with a
 * batch's rows the same way).
 */
public final class SessionMerger {
  private SessionMerger() {}

  /**
   * Merges rows {@code order[0..n)} (row numbers into the arrays, sorted by group then start):
   * writes for each of them the index of its merged session into {@code sessionOf[row]}, and the
   * bounds of session {@code k} into {@code mergedStart[k]}, {@code mergedEnd[k]}.
   *
   * @param group the group id of each row (rows of one group are adjacent in {@code order})
   * @param start each row's session start
   * @param end each row's session end (not before its start)
   * @return the number of merged sessions
   */
  public static int merge(
      int[] order,
      int n,
      int[] group,
      long[] start,
      long[] end,
      int[] sessionOf,
      long[] mergedStart,
      long[] mergedEnd) {
    int sessions = 0;
    int currentGroup = 0;
    long currentEnd = 0;
    for (int i = 0; i < n; i++) {
      int r = order[i];
      if (sessions > 0 && group[r] == currentGroup && start[r] <= currentEnd) {
        if (end[r] > currentEnd) currentEnd = end[r];
        mergedEnd[sessions - 1] = currentEnd;
      } else {
        currentGroup = group[r];
        currentEnd = end[r];
        mergedStart[sessions] = start[r];
        mergedEnd[sessions] = currentEnd;
        sessions++;
      }
      sessionOf[r] = sessions - 1;
    }
    return sessions;
  }
}
