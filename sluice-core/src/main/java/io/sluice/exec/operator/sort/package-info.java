/** Spark's ordering of values and a stable sort of row numbers by key columns. */
package io.sluice.exec.operator.sort;
