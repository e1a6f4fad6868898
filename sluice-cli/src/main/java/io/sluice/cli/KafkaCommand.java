package io.sluice.cli;

import io.sluice.cli.kafka.LocalKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice kafka start}: a local single-node Kafka broker on 127.0.0.1 for the examples. */
@Command(
    name = "kafka",
    mixinStandardHelpOptions = true,
    description = "A local Kafka broker for trying Sluice.",
    subcommands = {KafkaCommand.Start.class})
final class KafkaCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Starts a single-node Kafka broker (broker and KRaft controller) on 127.0.0.1 in this"
            + " process; prints READY <bootstrap servers> once it serves clients and stops"
            + " cleanly on Ctrl-C or SIGTERM. Topics and records persist in the data directory."
      })
  static final class Start implements Callable<Integer> {
    @Option(
        names = "--data-dir",
        defaultValue = "sluice-kafka-data",
        description = "Where the broker keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
        names = "--port",
        defaultValue = "9092",
        description = "The broker's port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--controller-port",
        description = "The KRaft controller's port on 127.0.0.1 (default: --port + 1).")
    Integer controllerPort;

    @Override
    public Integer call() throws Exception {
      int cport = controllerPort != null ? controllerPort : port + 1;
      LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, port, cport);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    broker.close();
                    System.out.println("STOPPED " + broker.bootstrapServers());
                    System.out.flush();
                    stopped.countDown();
                  },
                  "sluice-kafka-shutdown"));
      System.out.println((broker.formattedNow() ? "formatted " : "reusing ") + broker.dataDir());
      System.out.println("READY " + broker.bootstrapServers());
      System.out.flush();
      stopped.await();
      return 0;
    }
  }
}
