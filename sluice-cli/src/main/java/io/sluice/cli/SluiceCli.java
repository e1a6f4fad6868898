package io.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} launcher. {@code sluice demo} runs the example job. */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    version = "sluice 0.1.0-SNAPSHOT",
    description = "Sluice: Spark Structured Streaming's programming model, much faster.",
    subcommands = {DemoCommand.class, KafkaCommand.class, ConformanceCommand.class})
public final class SluiceCli implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    int code = new CommandLine(new SluiceCli()).execute(args);
    System.exit(code);
  }
}
