package io.sluice.kafka;

import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka client settings in a source's or sink's options: every option {@code kafka.<name>}
 * passes to the client as {@code <name>} (security settings included), {@code
 * kafka.bootstrap.servers} is required, and the client settings the engine owns are refused.
 */
public final class KafkaClientParams {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaClientParams.class);

  /** The prefix of options passed to the Kafka client. */
  public static final String PREFIX = "kafka.";

  private KafkaClientParams() {}

  /** The options as Sluice reads them, case-insensitive, errors naming the option. */
  public static SourceOptions options(Map<String, String> options) {
    return new SourceOptions(
        options,
        (option, value, reason) ->
            new SluiceIllegalArgumentException(
                ErrorClass.INVALID_OPTION_VALUE,
                SluiceException.params("value", value, "option", option, "reason", reason)));
  }

  /**
   * The client configuration: each {@code kafka.*} option with the prefix removed, the rest of the
   * key kept as given (Kafka's names are case-sensitive).
   */
  public static Map<String, Object> clientConfigs(Map<String, String> options) {
    Map<String, Object> out = new HashMap<>();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String k = e.getKey();
      if (k.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
        out.put(k.substring(PREFIX.length()), e.getValue());
      }
    }
    return out;
  }

  /** {@code kafka.bootstrap.servers}, or an error saying it is required for {@code role}. */
  public static String bootstrapServers(Map<String, String> options, String role) {
    String v = options(options).get(PREFIX + "bootstrap.servers").orElse(null);
    if (v == null || v.isBlank()) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.INVALID_OPTION_VALUE,
          SluiceException.params(
              "value",
              v == null ? "(none)" : v,
              "option",
              PREFIX + "bootstrap.servers",
              "reason",
              "it must be set to the brokers (host:port, comma-separated) for configuring the"
                  + " Kafka "
                  + role));
    }
    return v;
  }

  /**
   * Refuses the client settings in {@code refused} (client names without the prefix, lower case)
   * with an error naming the option and what to use instead ({@code why} by name).
   */
  public static void refuse(Map<String, String> options, Map<String, String> refusedWithWhy) {
    for (String k : options.keySet()) {
      if (!k.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) continue;
      String name = k.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
      String why = refusedWithWhy.get(name);
      if (why != null) {
        throw new SluiceIllegalArgumentException(
            ErrorClass.INVALID_OPTION_VALUE,
            SluiceException.params("value", options.get(k), "option", k, "reason", why));
      }
    }
  }

  /**
   * Logs a warning naming each option that is neither a {@code kafka.*} client setting nor one of
   * {@code known} (lower case): Spark ignores such options silently, Sluice says so. Returns them.
   */
  public static List<String> warnIgnored(Map<String, String> options, Set<String> known) {
    List<String> ignored = new ArrayList<>();
    for (String k : options.keySet()) {
      String lower = k.toLowerCase(Locale.ROOT);
      if (lower.startsWith(PREFIX) || known.contains(lower)) continue;
      ignored.add(k);
    }
    for (String k : ignored) {
      LOG.warn(
          "Option '{}' is not a Kafka source or sink option and is ignored (client settings take"
              + " the prefix '{}', e.g. '{}{}')",
          k,
          PREFIX,
          PREFIX,
          k);
    }
    return ignored;
  }
}
