package io.sluice.parquet;

import java.util.concurrent.atomic.LongAdder;

/** What a Parquet scan's readers did, summed over its tasks: row groups read and skipped, rows. */
public final class ParquetScanMetrics {
  final LongAdder rowGroupsRead = new LongAdder();
  final LongAdder rowGroupsSkipped = new LongAdder();
  final LongAdder rowsRead = new LongAdder();
  final LongAdder rowsSkippedByPageIndex = new LongAdder();

  /** Row groups whose column chunks were read. */
  public long rowGroupsRead() {
    return rowGroupsRead.sum();
  }

  /** Row groups left unread because their statistics ruled out every pushed filter's rows. */
  public long rowGroupsSkipped() {
    return rowGroupsSkipped.sum();
  }

  /** Rows of read row groups left out because the column indexes ruled out their pages. */
  public long rowsSkippedByPageIndex() {
    return rowsSkippedByPageIndex.sum();
  }

  /** Rows decoded. */
  public long rowsRead() {
    return rowsRead.sum();
  }
}
