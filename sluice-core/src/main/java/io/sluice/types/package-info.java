/**
 * Data types: atomic types (singletons in {@link io.sluice.types.DataTypes}), decimals, ANSI
 * intervals, structs, arrays and maps, with Spark's names, DDL parsing and printing.
 *
 * <p>Depends on nothing but {@code io.sluice.error}.
 */
package io.sluice.types;
