package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session's temporary views (and global temporary views under {@code global_temp}). Names are
 * case-insensitive unless the session is case-sensitive. Thread-safe.
 */
public final class SessionCatalog {
  /** The database that holds global temporary views, as in Spark. */
  public static final String GLOBAL_TEMP_DATABASE = "global_temp";

  private final Map<String, LogicalPlan> tempViews = new ConcurrentHashMap<>();
  private final Map<String, LogicalPlan> globalTempViews;
  private final boolean caseSensitive;

  public SessionCatalog(Map<String, LogicalPlan> globalTempViews, boolean caseSensitive) {
    this.globalTempViews = globalTempViews;
    this.caseSensitive = caseSensitive;
  }

  private String key(String name) {
    return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
  }

  /** Registers a view; fails with TEMP_TABLE_OR_VIEW_ALREADY_EXISTS unless {@code replace}. */
  public void createTempView(String name, LogicalPlan plan, boolean replace) {
    putView(tempViews, name, plan, replace);
  }

  public void createGlobalTempView(String name, LogicalPlan plan, boolean replace) {
    putView(globalTempViews, name, plan, replace);
  }

  private void putView(
      Map<String, LogicalPlan> views, String name, LogicalPlan plan, boolean replace) {
    String k = key(name);
    if (!replace && views.putIfAbsent(k, plan) != null) {
      throw new AnalysisException(
          ErrorClass.TEMP_TABLE_OR_VIEW_ALREADY_EXISTS,
          SluiceException.params("relationName", "`" + name + "`"));
    }
    if (replace) views.put(k, plan);
  }

  public boolean dropTempView(String name) {
    return tempViews.remove(key(name)) != null;
  }

  public boolean dropGlobalTempView(String name) {
    return globalTempViews.remove(key(name)) != null;
  }

  /** Finds {@code name} or {@code global_temp.name}. */
  public Optional<LogicalPlan> lookup(List<String> nameParts) {
    if (nameParts.size() == 1) {
      return Optional.ofNullable(tempViews.get(key(nameParts.get(0))));
    }
    if (nameParts.size() == 2 && nameParts.get(0).equalsIgnoreCase(GLOBAL_TEMP_DATABASE)) {
      return Optional.ofNullable(globalTempViews.get(key(nameParts.get(1))));
    }
    return Optional.empty();
  }

  /** Names of the session's temporary views, sorted. */
  public List<String> listTempViews() {
    return new ArrayList<>(new TreeMap<>(tempViews).keySet());
  }

  public List<String> listGlobalTempViews() {
    return new ArrayList<>(new TreeMap<>(globalTempViews).keySet());
  }
}
