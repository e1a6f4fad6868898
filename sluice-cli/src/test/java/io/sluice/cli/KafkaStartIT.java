package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sluice kafka start} as the README documents it: prints READY with its bootstrap
 * address, serves clients there, and stops cleanly on SIGTERM.
 */
class KafkaStartIT {
  @TempDir Path dir;

  @Test
  void startsServesAndStopsOnSigterm() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path root = Path.of("..").toAbsolutePath().normalize();
    Process p =
        new ProcessBuilder(
                "bin/sluice",
                "kafka",
                "start",
                "--data-dir",
                dir.toString(),
                "--port",
                String.valueOf(port))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && !line.startsWith("READY ")) {
        out.append(line).append('\n');
      }
      assertThat(line).as(out.toString()).isEqualTo("READY 127.0.0.1:" + port);
      Properties props = new Properties();
      props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
      try (Admin admin = Admin.create(props)) {
        admin
            .createTopics(List.of(new NewTopic("it", 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("it");
      }
      // SIGTERM, as a service manager sends it (Process.destroy would also close our pipes)
      Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      while ((line = r.readLine()) != null) out.append(line).append('\n');
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(out.toString()).contains("STOPPED 127.0.0.1:" + port);
    assertThat(dir.resolve("kraft-logs/meta.properties")).exists();
    assertThat(Files.readString(dir.resolve("server.properties")))
        .contains("advertised.listeners=PLAINTEXT://127.0.0.1:" + port);
  }
}
