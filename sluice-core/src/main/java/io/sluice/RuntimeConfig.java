package io.sluice;

import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session's runtime configuration ({@code session.conf()}), as Spark's {@code RuntimeConfig}.
 * Keys are {@code sluice.*}; the {@code spark.*} spelling of a key is accepted everywhere and means
 * the same option. Values of declared options are validated when set.
 */
public final class RuntimeConfig {
  /** Keys fixed when the session starts. */
  static final String MASTER_KEY = "sluice.master";

  static final String APP_NAME_KEY = "sluice.app.name";
  private static final Set<String> STATIC_KEYS = Set.of(MASTER_KEY, APP_NAME_KEY);

  private final SQLConf conf;

  RuntimeConfig(SQLConf conf) {
    this.conf = conf;
  }

  /** Sets {@code key} to {@code value}; fails with {@code INVALID_CONF_VALUE} for a bad value. */
  public void set(String key, String value) {
    requireModifiable(key);
    conf.set(key, value);
  }

  /** Sets a boolean option. */
  public void set(String key, boolean value) {
    set(key, String.valueOf(value));
  }

  /** Sets a numeric option. */
  public void set(String key, long value) {
    set(key, String.valueOf(value));
  }

  /** The value of {@code key} (or its default); fails with {@code SQL_CONF_NOT_FOUND}. */
  public String get(String key) {
    return conf.getString(key)
        .orElseThrow(
            () ->
                new SluiceIllegalArgumentException(
                    ErrorClass.SQL_CONF_NOT_FOUND,
                    SluiceException.params("sqlConf", "\"" + key + "\"")));
  }

  /** The value of {@code key}, or {@code defaultValue} when it is not set. */
  public String get(String key, String defaultValue) {
    String k = SQLConf.normalizeKey(key);
    Map<String, String> all = conf.getAll();
    if (all.containsKey(k)) return all.get(k);
    return defaultValue;
  }

  /** The value of {@code key} (or its default), if any. */
  public Optional<String> getOption(String key) {
    return conf.getString(key);
  }

  /** Every value set in this session, by {@code sluice.*} key. */
  public Map<String, String> getAll() {
    return conf.getAll();
  }

  /** Removes the session's value of {@code key}, restoring its default. */
  public void unset(String key) {
    requireModifiable(key);
    conf.unset(key);
  }

  /** True when {@code key} is a declared option that may change while the session runs. */
  public boolean isModifiable(String key) {
    return SQLConf.lookup(key).isPresent() && !STATIC_KEYS.contains(SQLConf.normalizeKey(key));
  }

  private static void requireModifiable(String key) {
    if (STATIC_KEYS.contains(SQLConf.normalizeKey(key))) {
      throw new AnalysisException(
          ErrorClass.CANNOT_MODIFY_CONFIG, SluiceException.params("key", "\"" + key + "\""));
    }
  }

  @Override
  public String toString() {
    return "RuntimeConfig" + conf.getAll();
  }
}
