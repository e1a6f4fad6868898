package io.sluice.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A class's {@code main} run in a separate JVM on the test class path (UTC, 512 MB heap), for tests
 * that kill a query without letting it shut down. Its standard output is read line by line; its
 * errors go to a file, shown when an awaited line never comes.
 */
public final class ChildJvm implements AutoCloseable {
  private static final String END = "<end of output>";

  private final Process process;
  private final Path errors;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private ChildJvm(Process process, Path errors) {
    this.process = process;
    this.errors = errors;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
              } catch (IOException e) {
                // the child was killed
              }
              lines.add(END);
            },
            "child-jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main.main(args)} in a new JVM; its standard error goes to {@code errors}. */
  public static ChildJvm start(Path errors, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Duser.timezone=UTC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(errors.toFile());
    try {
      return new ChildJvm(pb.start(), errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits up to two minutes for the child to print the line {@code wanted}; returns every line it
   * printed so far. Fails with its output and errors when the line never comes.
   */
  public List<String> awaitLine(String wanted) throws InterruptedException {
    while (true) {
      String l = lines.poll(120, TimeUnit.SECONDS);
      if (l == null || l.equals(END)) {
        if (l != null) lines.add(END);
        throw new AssertionError(
            "the child never printed '"
                + wanted
                + "'; its output: "
                + seen
                + "; its errors:\n"
                + errorText());
      }
      seen.add(l);
      if (l.equals(wanted)) return List.copyOf(seen);
    }
  }

  /** Kills the child at once (no shutdown hooks run) and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private String errorText() {
    try {
      return Files.readString(errors);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
