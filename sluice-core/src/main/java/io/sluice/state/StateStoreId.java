package io.sluice.state;

import java.nio.file.Path;

/**
 * Names one store: the query's state directory ({@code <checkpoint>/state}), the stateful
 * operator's stable id, the partition, and a store name for operators with several stores (a join's
 * two sides); files live in {@code <root>/<operatorId>/<partitionId>[/<storeName>]}.
 */
public record StateStoreId(Path root, long operatorId, int partitionId, String storeName) {
  public static final String DEFAULT_NAME = "default";

  public Path directory() {
    Path p = root.resolve(Long.toString(operatorId)).resolve(Integer.toString(partitionId));
    return storeName.equals(DEFAULT_NAME) ? p : p.resolve(storeName);
  }

  @Override
  public String toString() {
    return "StateStoreId[operatorId="
        + operatorId
        + ", partitionId="
        + partitionId
        + ", name="
        + storeName
        + "]";
  }
}
