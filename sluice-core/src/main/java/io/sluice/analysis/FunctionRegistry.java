package io.sluice.analysis;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Functions by name (case-insensitive). Immutable: {@link #with} returns an extended copy, so a
 * session can add its own functions to {@link #builtin()} without touching other sessions. Adding a
 * function means adding a {@link FunctionSpec}; the analyzer needs no change.
 */
public final class FunctionRegistry {
  private static final FunctionRegistry BUILTIN =
      BuiltinFunctions.register(new FunctionRegistry(Map.of()));

  private final Map<String, FunctionSpec> byName;

  private FunctionRegistry(Map<String, FunctionSpec> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  /** The built-in functions. */
  public static FunctionRegistry builtin() {
    return BUILTIN;
  }

  /** A copy with these specs added (replacing any of the same name). */
  public FunctionRegistry with(FunctionSpec... specs) {
    Map<String, FunctionSpec> next = new TreeMap<>(byName);
    for (FunctionSpec s : specs) next.put(s.name(), s);
    return new FunctionRegistry(next);
  }

  public Optional<FunctionSpec> lookup(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Registered names, sorted. */
  public java.util.Set<String> names() {
    return byName.keySet();
  }
}
