package io.sluice.kafka.sink;

import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.kafka.KafkaClientParams;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka sink's options, checked once when the query starts (or the batch write begins).
 *
 * @param topic the {@code topic} option (it wins over a topic column), or null
 * @param exactlyOnce write each micro-batch in one Kafka transaction (option {@code exactlyOnce})
 * @param transactionalIdPrefix the prefix of the transactional id and marker group id
 * @param producerConfigs the producer's configuration, serializers and defaults included
 */
record KafkaSinkOptions(
    String topic,
    boolean exactlyOnce,
    String transactionalIdPrefix,
    Map<String, Object> producerConfigs) {

  static final String TOPIC = "topic";
  static final String EXACTLY_ONCE = "exactlyOnce";
  static final String TRANSACTIONAL_ID_PREFIX = "transactionalIdPrefix";
  static final String DEFAULT_PREFIX = "sluice-kafka-sink";

  /** Default transaction timeout: a crashed query holds read_committed readers up this long. */
  static final String DEFAULT_TRANSACTION_TIMEOUT_MS = "60000";

  private static final Set<String> KNOWN =
      Set.of(
          "topic",
          "exactlyonce",
          "transactionalidprefix",
          "checkpointlocation",
          "path",
          "queryname");

  private static final Map<String, String> REFUSED =
      Map.of(
          "key.serializer",
          "Kafka option 'key.serializer' is not supported as keys are serialized with"
              + " ByteArraySerializer; cast the key column to STRING or BINARY instead",
          "value.serializer",
          "Kafka option 'value.serializer' is not supported as values are serialized with"
              + " ByteArraySerializer; cast the value column to STRING or BINARY instead",
          "transactional.id",
          "the sink owns its transactions: set exactlyOnce=true and it derives a stable"
              + " transactional id from the query id (transactionalIdPrefix sets its prefix)");

  /** Parses and checks {@code options}; errors name the option at fault. */
  static KafkaSinkOptions parse(Map<String, String> options) {
    SourceOptions o = KafkaClientParams.options(options);
    String bootstrap = KafkaClientParams.bootstrapServers(options, "producer");
    KafkaClientParams.refuse(options, REFUSED);
    KafkaClientParams.warnIgnored(options, KNOWN);
    String topic = o.get(TOPIC).map(String::trim).orElse(null);
    if (topic != null && topic.isEmpty()) {
      throw o.invalid(TOPIC, options.get(o.keyAsGiven(TOPIC)), "a topic name must not be empty");
    }
    boolean exactlyOnce = o.getBoolean(EXACTLY_ONCE, false);
    String prefix = o.getString(TRANSACTIONAL_ID_PREFIX, DEFAULT_PREFIX).trim();
    if (prefix.isEmpty()) {
      throw o.invalid(TRANSACTIONAL_ID_PREFIX, prefix, "the prefix must not be empty");
    }
    Map<String, Object> configs = new HashMap<>(KafkaClientParams.clientConfigs(options));
    configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    // larger batches than the client's 16 KB: ~1.5x the records/s here; the sink flushes at the
    // end of every micro-batch, so the linger never delays a batch's last records
    configs.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    configs.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "10");
    if (exactlyOnce) {
      refuseNonIdempotent(options);
      configs.putIfAbsent(
          ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, DEFAULT_TRANSACTION_TIMEOUT_MS);
      // a placeholder so the transactional constraints are validated now; replaced per query
      configs.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "-validate");
    }
    validate(configs, options);
    configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return new KafkaSinkOptions(topic, exactlyOnce, prefix, Map.copyOf(configs));
  }

  private static void refuseNonIdempotent(Map<String, String> options) {
    for (Map.Entry<String, String> e : options.entrySet()) {
      String k = e.getKey().toLowerCase(Locale.ROOT);
      if (k.equals("kafka.enable.idempotence") && e.getValue().trim().equalsIgnoreCase("false")) {
        throw invalid(
            e.getKey(), e.getValue(), "exactlyOnce=true writes in transactions, which need it");
      }
    }
  }

  /** Lets the client check the settings now, so a bad one fails the start, not the first batch. */
  private static void validate(Map<String, Object> configs, Map<String, String> options) {
    try {
      new ProducerConfig(configs);
    } catch (ConfigException e) {
      String option = "kafka.*";
      String value = "";
      String msg = String.valueOf(e.getMessage());
      for (Map.Entry<String, String> o : options.entrySet()) {
        String k = o.getKey();
        if (k.regionMatches(true, 0, KafkaClientParams.PREFIX, 0, KafkaClientParams.PREFIX.length())
            && msg.contains(k.substring(KafkaClientParams.PREFIX.length()))) {
          option = k;
          value = o.getValue();
          break;
        }
      }
      throw invalid(option, value, "the Kafka producer refuses it: " + msg);
    }
  }

  private static SluiceIllegalArgumentException invalid(String option, String value, String why) {
    return new SluiceIllegalArgumentException(
        ErrorClass.INVALID_OPTION_VALUE,
        SluiceException.params("value", value, "option", option, "reason", why));
  }
}
