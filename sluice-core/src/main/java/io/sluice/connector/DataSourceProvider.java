package io.sluice.connector;

/**
 * A data source or sink found by its short name ({@code format("json")}) through {@link
 * java.util.ServiceLoader}. Register implementations in {@code
 * META-INF/services/io.sluice.connector.DataSourceProvider}. What a provider can do is said by the
 * capability interfaces it implements: {@link BatchSourceProvider}, {@link StreamSourceProvider},
 * {@link StreamSinkProvider}.
 */
public interface DataSourceProvider {
  /** The name users pass to {@code format(...)}, e.g. {@code json}. */
  String shortName();
}
