/**
 * The connector SPI: {@link io.sluice.connector.DataSourceProvider}s found by short name through
 * {@link java.util.ServiceLoader}, with capability interfaces for batch reads ({@link
 * io.sluice.connector.BatchSourceProvider} → {@link io.sluice.connector.BatchScan}), streaming
 * reads ({@link io.sluice.connector.StreamSourceProvider} → {@link
 * io.sluice.connector.MicroBatchStream}, offsets, read limits) and streaming writes ({@link
 * io.sluice.connector.StreamSinkProvider} → {@link io.sluice.connector.StreamSink}). Built-in
 * formats live in sub-packages; other modules add their own.
 *
 * <p>Depends on types, config, errors, vectors, the streaming value classes ({@code OutputMode}),
 * the runtime's {@code Clock} and the checkpoint file helpers; never on the API or analysis.
 */
package io.sluice.connector;
