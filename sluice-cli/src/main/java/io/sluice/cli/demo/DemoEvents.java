package io.sluice.cli.demo;

import io.sluice.types.StructType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synthetic events of the benchmark generator's shape ({@code ../shared/bench}, EventGen): {@code
 * event_id} unique per sequence number, Zipf-distributed {@code user_id}, a {@code customer_id}
 * fixed per user, 8 weighted event types, a {@code ts} given by the caller (a small fraction of
 * events 1 to 15 minutes late) and a type-dependent {@code amount}, as one JSON object per event.
 * Not thread-safe: one instance per producing thread.
 */
public final class DemoEvents {
  /** The schema of an event, for {@code from_json}. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "event_id STRING, user_id STRING, customer_id STRING, event_type STRING,"
              + " ts TIMESTAMP, amount DOUBLE");

  /** The event types, most frequent first. */
  public static final String[] TYPES = {
    "view", "click", "scroll", "search", "add_to_cart", "purchase", "login", "logout"
  };

  private static final int[] TYPE_PERCENT = {40, 22, 10, 9, 8, 5, 3, 3};
  private static final int USERS = 100_000;
  private static final int CUSTOMERS = 10_000;
  private static final long LATE_MIN_MS = 60_000;
  private static final long LATE_MAX_MS = 900_000;

  private final SplittableRandom random;
  private final long seed;
  private final double lateFraction;
  private final double[] userCdf;
  private long sequence;

  /** Events from {@code seed}; {@code lateFraction} of them carry a timestamp in the past. */
  public DemoEvents(long seed, double lateFraction) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.lateFraction = lateFraction;
    this.userCdf = zipfCdf(USERS);
  }

  /** The JSON of the next event, happening at {@code nowMs} (or earlier when late). */
  public byte[] next(long nowMs) {
    long seq = sequence++;
    long ts = nowMs;
    if (lateFraction > 0 && random.nextDouble() < lateFraction) {
      ts -= LATE_MIN_MS + random.nextLong(LATE_MAX_MS - LATE_MIN_MS + 1);
    }
    int user = sampleUser(random.nextDouble());
    int customer = (int) Long.remainderUnsigned(mix(seed ^ 0x43555354L, user), CUSTOMERS);
    int type = sampleType(random.nextInt(100));
    long cents = amountCents(type);
    String json =
        "{\"event_id\":\"e"
            + String.format("%016x", mix(seed, seq))
            + "\",\"user_id\":\"u"
            + user
            + "\",\"customer_id\":\"c"
            + customer
            + "\",\"event_type\":\""
            + TYPES[type]
            + "\",\"ts\":\""
            + Instant.ofEpochMilli(ts)
            + "\",\"amount\":"
            + cents / 100
            + "."
            + (cents % 100 < 10 ? "0" : "")
            + cents % 100
            + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** How many events this generator made. */
  public long count() {
    return sequence;
  }

  private long amountCents(int type) {
    return switch (TYPES[type]) {
      case "purchase" -> 100 + random.nextLong(49_900);
      case "add_to_cart" -> 100 + random.nextLong(19_900);
      case "view" -> random.nextInt(10) == 0 ? random.nextLong(1_000) : 0;
      default -> random.nextLong(2_000);
    };
  }

  private static int sampleType(int percent) {
    int acc = 0;
    for (int t = 0; t < TYPE_PERCENT.length; t++) {
      acc += TYPE_PERCENT[t];
      if (percent < acc) return t;
    }
    return TYPE_PERCENT.length - 1;
  }

  private int sampleUser(double u) {
    int i = Arrays.binarySearch(userCdf, u);
    return (i >= 0 ? i : -i - 1) + 1;
  }

  /** The cumulative Zipf(1) distribution over ranks 1..n (rank 1 the most frequent). */
  private static double[] zipfCdf(int n) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1.0 / k;
      cdf[k - 1] = sum;
    }
    for (int k = 0; k < n; k++) cdf[k] /= sum;
    cdf[n - 1] = 1.0;
    return cdf;
  }

  /** A bijective 64-bit mix, so distinct sequence numbers give distinct ids. */
  private static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
