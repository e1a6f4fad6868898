/**
 * In-memory streaming connectors: the {@code memory} sink (a query's output kept in memory and
 * queried through a temporary view named after the query) and the source side of {@code
 * MemoryStream} (test input added by hand).
 */
package io.sluice.connector.memory;
