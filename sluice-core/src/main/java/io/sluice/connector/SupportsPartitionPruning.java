package io.sluice.connector;

import io.sluice.types.StructType;
import java.util.List;

/**
 * A {@link BatchScan} of partitioned input (files in {@code key=value} directories) that can leave
 * out whole partitions before reading, as Spark prunes file source partitions: the optimizer
 * evaluates a query's filters on the partition columns once per partition and keeps only the
 * partitions where they may hold. The filter itself stays in the plan.
 */
public interface SupportsPartitionPruning extends BatchScan {
  /** The partition columns (a subset of {@link #schema()}'s fields); empty when unpartitioned. */
  StructType partitionSchema();

  /**
   * Each distinct partition's values, in {@link #partitionSchema()}'s order and the internal value
   * form of their types (null for a null value).
   */
  List<Object[]> partitionValues();

  /**
   * A scan reading only the partitions whose {@code keep} entry (aligned with {@link
   * #partitionValues()}) is true; this scan itself when all are kept.
   */
  BatchScan withPartitions(boolean[] keep);
}
