/**
 * The connector SPI: {@link io.sluice.connector.DataSourceProvider}s found by short name through
 * {@link java.util.ServiceLoader}, producing {@link io.sluice.connector.BatchScan}s. Built-in
 * formats live in sub-packages; other modules add their own.
 *
 * <p>Depends on types, config, errors and vectors; never on the API or analysis.
 */
package io.sluice.connector;
