package io.sluice.connector;

import io.sluice.types.StructType;

/**
 * A streaming source as defined by {@code readStream()...load()}: its schema and how to create the
 * {@link MicroBatchStream} when a query over it starts. Immutable; one definition may start many
 * queries.
 */
public interface StreamSourceDefinition {
  /** The source's short name, e.g. {@code json} or {@code memory}. */
  String name();

  /** Text for plans, e.g. {@code FileStreamSource[file:/data/in]}. */
  String description();

  StructType schema();

  /** The source for one run of a query; {@code metadataPath} is its checkpoint directory. */
  MicroBatchStream create(String metadataPath);

  /**
   * The source for one run of a query that runs by {@code clock}; sources that read time use it. By
   * default the clock is ignored.
   */
  default MicroBatchStream create(String metadataPath, io.sluice.streaming.runtime.Clock clock) {
    return create(metadataPath);
  }

  /** A definition of a source found through a {@link StreamSourceProvider}. */
  static StreamSourceDefinition of(
      StreamSourceProvider provider,
      java.util.Map<String, String> options,
      StructType schema,
      SourceContext context) {
    java.util.Map<String, String> opts = java.util.Map.copyOf(options);
    return new StreamSourceDefinition() {
      @Override
      public String name() {
        return provider.shortName();
      }

      @Override
      public String description() {
        String path = null;
        for (java.util.Map.Entry<String, String> e : opts.entrySet()) {
          if (e.getKey().equalsIgnoreCase("path")) path = e.getValue();
        }
        return provider.shortName() + (path == null ? "" : " [" + path + "]");
      }

      @Override
      public StructType schema() {
        return schema;
      }

      @Override
      public MicroBatchStream create(String metadataPath) {
        return provider.createStream(opts, schema, metadataPath, context);
      }

      @Override
      public MicroBatchStream create(String metadataPath, io.sluice.streaming.runtime.Clock clock) {
        return provider.createStream(opts, schema, metadataPath, context.withClock(clock));
      }
    };
  }
}
