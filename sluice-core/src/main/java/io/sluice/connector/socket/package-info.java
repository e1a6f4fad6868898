/**
 * The {@code socket} source: lines of text from a TCP server, for tests and demos. Not
 * fault-tolerant, as Spark's: lines are kept only in memory until their batch commits.
 */
package io.sluice.connector.socket;
