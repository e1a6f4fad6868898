package io.sluice.kafka.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** The records {@code [from, until)} of one partition: what one task reads. */
record OffsetRange(TopicPartition tp, long from, long until) {
  long size() {
    return until - from;
  }

  /**
   * The ranges as tasks: one per non-empty range, unless {@code minPartitions} asks for more tasks
   * than ranges (then large ranges are cut into parts in proportion to their share of all records)
   * or {@code maxRecords} caps the records of a task (then ranges are cut to fit). 0 means unset.
   */
  static List<OffsetRange> split(List<OffsetRange> ranges, int minPartitions, long maxRecords) {
    List<OffsetRange> nonEmpty = new ArrayList<>();
    long total = 0;
    for (OffsetRange r : ranges) {
      if (r.size() > 0) {
        nonEmpty.add(r);
        total += r.size();
      }
    }
    List<OffsetRange> out = new ArrayList<>();
    boolean byMin = minPartitions > nonEmpty.size() && total > 0;
    for (OffsetRange r : nonEmpty) {
      long parts = 1;
      if (byMin) parts = Math.max(1, Math.round((double) r.size() / total * minPartitions));
      if (maxRecords > 0) parts = Math.max(parts, (r.size() + maxRecords - 1) / maxRecords);
      parts = Math.min(parts, r.size());
      for (long i = 0; i < parts; i++) {
        long a = r.from + r.size() * i / parts;
        long b = r.from + r.size() * (i + 1) / parts;
        out.add(new OffsetRange(r.tp, a, b));
      }
    }
    return out;
  }
}
