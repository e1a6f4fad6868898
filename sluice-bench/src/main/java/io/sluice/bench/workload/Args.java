package io.sluice.bench.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of one workload run: {@code --name value} options, {@code --flag} switches and
 * repeatable {@code --conf key=value} session settings.
 */
final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> conf = new ArrayList<>();

  static Args parse(String[] args, int from, List<String> flags) {
    Args a = new Args();
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument " + arg);
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (flags.contains(name)) {
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
      if (name.equals("conf")) {
        a.conf.add(value);
      } else {
        a.values.put(name, value);
      }
    }
    return a;
  }

  String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  long getLong(String name, long dflt) {
    String v = values.get(name);
    if (v == null) return dflt;
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, found " + v);
    }
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** The {@code --conf key=value} settings, in order. */
  Map<String, String> conf() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : conf) {
      int eq = kv.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("--conf needs key=value, found " + kv);
      m.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return m;
  }
}
