package io.sluice.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.analysis.FunctionRegistry;
import io.sluice.analysis.FunctionSpec;
import io.sluice.functions;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/functions.md, the reference of every function, is generated from the function registry and
 * the public methods of {@link functions}: it cannot drift from either.
 */
class FunctionReferenceDocsTest {
  private static final Path DOC = Path.of("..", "docs", "functions.md");

  @Test
  void referenceIsUpToDate() throws IOException {
    String generated = generate();
    if (Boolean.getBoolean("sluice.docs.regenerate")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .as(
            "docs/functions.md is out of date; regenerate it with: mvn -q -B -pl sluice-core test"
                + " -Dtest=FunctionReferenceDocsTest -Dsluice.docs.regenerate=true")
        .isEqualTo(generated);
  }

  static String generate() {
    FunctionRegistry registry = FunctionRegistry.builtin();
    Map<String, TreeSet<String>> api = apiMethods();
    StringBuilder sb = new StringBuilder("# Function reference\n\n");
    sb.append("Generated from the function registry (one registry serves SQL and the DataFrame")
        .append(" API) and from the public methods of `io.sluice.functions`; a test fails when")
        .append(" this page is stale. Every function is callable in SQL by name, and from the")
        .append(" DataFrame API through its `functions` method(s) or")
        .append(" `functions.call_function(name, cols...)`. Names, argument rules, null and ANSI")
        .append(" behaviour and result types are Spark 4's.\n\n");
    int aggregates = 0;
    for (String name : registry.names()) {
      if (registry.lookup(name).orElseThrow().aggregate()) aggregates++;
    }
    sb.append(registry.names().size())
        .append(" functions, ")
        .append(aggregates)
        .append(" of them aggregates.\n\n");
    sb.append("| function | kind | arguments | `io.sluice.functions` |\n|---|---|---|---|\n");
    for (String name : registry.names()) {
      FunctionSpec spec = registry.lookup(name).orElseThrow();
      TreeSet<String> methods = api.getOrDefault(name, new TreeSet<>());
      sb.append("| `")
          .append(name)
          .append("` | ")
          .append(spec.aggregate() ? "aggregate" : "scalar")
          .append(" | ")
          .append(spec.arity().expectedText())
          .append(" | ")
          .append(
              methods.isEmpty()
                  ? "`call_function(\"" + name + "\", ...)`"
                  : String.join("<br>", methods.stream().map(m -> "`" + m + "`").toList()))
          .append(" |\n");
    }
    return sb.toString();
  }

  /** Public static methods of {@code functions} by lower-cased name, as signatures. */
  private static Map<String, TreeSet<String>> apiMethods() {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (Method m : functions.class.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != functions.class) {
        continue;
      }
      List<String> params = new ArrayList<>();
      for (Class<?> p : m.getParameterTypes()) params.add(p.getSimpleName());
      out.computeIfAbsent(m.getName().toLowerCase(java.util.Locale.ROOT), k -> new TreeSet<>())
          .add(m.getName() + "(" + String.join(", ", params) + ")");
    }
    return out;
  }
}
