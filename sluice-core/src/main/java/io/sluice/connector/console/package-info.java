/** The {@code console} sink: each micro-batch printed as a table, as Spark's console sink. */
package io.sluice.connector.console;
