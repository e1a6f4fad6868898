package io.sluice.cli;

import io.sluice.cli.conformance.ConformanceRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice conformance <dir>...}: runs streaming conformance scenarios (folders with a {@code
 * spec.json} and Spark's recorded {@code expected/} output) and reports each, then one summary
 * line; exits 1 when any fails.
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = "Run streaming conformance scenarios recorded from Apache Spark.")
final class ConformanceCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "DIR", description = "scenario folders or their parents")
  List<Path> dirs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<ConformanceRunner.Result> results = new ArrayList<>();
    for (Path d : dirs) results.addAll(ConformanceRunner.runAll(d));
    int passed = 0;
    for (ConformanceRunner.Result r : results) {
      System.out.println(
          (r.passed() ? "PASS " : "FAIL ") + r.name() + (r.passed() ? "" : ": " + r.detail()));
      if (r.passed()) passed++;
    }
    System.out.println(passed + " passed, " + (results.size() - passed) + " failed");
    return passed == results.size() ? 0 : 1;
  }
}
