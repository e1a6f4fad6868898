/** The {@code noop} sink: runs the query and discards its output (for benchmarks). */
package io.sluice.connector.noop;
