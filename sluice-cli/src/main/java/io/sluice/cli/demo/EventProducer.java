package io.sluice.cli.demo;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces {@link DemoEvents} to a Kafka topic at a steady rate from a background thread: after
 * {@code t} seconds it has sent {@code rate * t} events, whatever the pauses of the machine.
 */
public final class EventProducer implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final double ratePerSecond;
  private final DemoEvents events;
  private final Thread thread;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile boolean running = true;

  /** Starts producing {@code ratePerSecond} events per second to {@code topic}. */
  public EventProducer(
      String bootstrapServers, String topic, double ratePerSecond, DemoEvents events) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("the event rate must be positive, found " + ratePerSecond);
    }
    this.topic = topic;
    this.ratePerSecond = ratePerSecond;
    this.events = events;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.CLIENT_ID_CONFIG,
                "sluice-demo-events"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    this.thread = new Thread(this::run, "sluice-demo-producer");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    long start = System.nanoTime();
    long periodNanos = Math.max(1, (long) (1e9 / ratePerSecond));
    try {
      while (running) {
        long now = System.nanoTime();
        long due = (long) ((now - start) / 1e9 * ratePerSecond);
        while (sent.get() < due && running) {
          producer.send(new ProducerRecord<>(topic, events.next(System.currentTimeMillis())));
          sent.incrementAndGet();
        }
        LockSupport.parkNanos(Math.min(periodNanos, TimeUnit.MILLISECONDS.toNanos(20)));
      }
    } catch (RuntimeException e) {
      failure.set(e);
    }
  }

  /** How many events were handed to the producer. */
  public long sent() {
    return sent.get();
  }

  /** The failure that stopped producing, or null. */
  public Exception failure() {
    return failure.get();
  }

  /** Stops producing, waits until every event sent is acknowledged, and closes the producer. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
    producer.flush();
    producer.close();
  }
}
