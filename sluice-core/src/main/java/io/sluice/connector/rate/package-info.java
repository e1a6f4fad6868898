/**
 * The generated test and demo sources: {@code rate} (rows at a steady pace by the query's clock,
 * with a ramp-up) and {@code rate-micro-batch} (the same rows per micro-batch whatever the clock),
 * both with Spark's columns {@code timestamp} and {@code value} and Spark's offsets.
 */
package io.sluice.connector.rate;
