/**
 * Hashing of key columns: {@link io.sluice.exec.operator.hash.KeyTable} maps key tuples to dense
 * ids (group ids of an aggregation, build keys of a join) by direct addressing of dense integer
 * codes ({@code DirectIds}) or open addressing over primitive codes, bytes, or serialized
 * multi-column keys; {@link io.sluice.exec.operator.hash.KeyHasher} chooses partitions in hash
 * exchanges. Key equality is Spark's grouping equality.
 */
package io.sluice.exec.operator.hash;
